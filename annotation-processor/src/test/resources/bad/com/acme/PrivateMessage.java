package com.acme;

import dev.courier.KafkaMessage;

public class PrivateMessage {
  @KafkaMessage(topic = "orders")
  private record Hidden(String id) {}
}

package com.acme;

import dev.courier.KafkaMessage;

public class PrivateMessage {
  @KafkaMessage(topic = "orders")
  private static class Hidden {
    String id;
  }
}

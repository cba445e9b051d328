package com.acme;

import dev.courier.KafkaMessage;

public class InnerMessage {
  @KafkaMessage(topic = "orders")
  public class Inner {
    public String id;
  }
}

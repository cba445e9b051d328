package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(topic = "orders")
public class PrivateNested {
  String id;
  Line line;
  private static class Line {
    String sku;
  }
}

package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(topic = "orders")
public record PrivateNested(
    String id,
    Line line) {
  private record Line(String sku) {}
}

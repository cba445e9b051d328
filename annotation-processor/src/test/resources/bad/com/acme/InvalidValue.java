package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "orders",
    requestTimeoutMs = -5)
public class InvalidValue {
  String id;
}

package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "orders",
    idempotence = true,
    retries = 0)
public class IdempotenceRetries {
  String id;
}

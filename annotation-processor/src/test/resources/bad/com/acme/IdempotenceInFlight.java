package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "orders",
    idempotence = true,
    maxInFlight = 6)
public class IdempotenceInFlight {
  String id;
}

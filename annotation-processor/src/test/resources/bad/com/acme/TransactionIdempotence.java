package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "orders",
    transactionalId = "orders-tx",
    idempotence = false)
public class TransactionIdempotence {
  String id;
}

package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "orders",
    transactionalId = "orders-tx",
    retries = 0)
public class TransactionRetries {
  String id;
}

package com.acme;

import dev.courier.Acks;
import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "orders",
    transactionalId = "orders-tx",
    acks = Acks.LEADER)
public class TransactionAcks {
  String id;
}

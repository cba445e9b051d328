package com.acme;

import dev.courier.Acks;
import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "orders",
    transactionalId = "orders-tx",
    acks = Acks.LEADER)
public record TransactionAcks(String id) {}

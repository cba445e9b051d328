package com.acme;

import dev.courier.Acks;
import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "orders",
    acks = Acks.LEADER,
    idempotence = true)
public record IdempotenceAcks(String id) {}

package com.acme;

import dev.courier.Acks;
import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "orders",
    acks = Acks.LEADER,
    idempotence = true)
public class IdempotenceAcks {
  String id;
}

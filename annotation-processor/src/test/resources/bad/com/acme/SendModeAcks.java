package com.acme;

import dev.courier.Acks;
import dev.courier.KafkaMessage;
import dev.courier.SendMode;

@KafkaMessage(
    topic = "orders",
    sendMode = SendMode.SYNC,
    idempotence = false,
    acks = Acks.NONE)
public class SendModeAcks {
  String id;
}

package com.acme;

import dev.courier.Acks;
import dev.courier.Header;
import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.SendMode;
import dev.courier.Timestamp;
import java.time.Instant;

@KafkaMessage(topic = "orders", sendMode = SendMode.SYNC, acks = Acks.ALL, idempotence = true)
public record OrderPlaced(
    @PartitionKey String orderId,
    long amountCents,
    @Header("trace-id") String traceId,
    @Timestamp Instant placedAt) {}

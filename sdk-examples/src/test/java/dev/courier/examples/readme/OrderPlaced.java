/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.readme;

import dev.courier.Acks;
import dev.courier.Header;
import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.SendMode;
import dev.courier.Timestamp;
import java.time.Instant;

/**
 * The README's quick-start message type.
 *
 * @param orderId the key
 * @param totalCents the total
 * @param traceId a header
 * @param placedAt the timestamp
 */
@KafkaMessage(topic = "orders", sendMode = SendMode.SYNC, acks = Acks.ALL, idempotence = true)
public record OrderPlaced(@PartitionKey String orderId, long totalCents,
    @Header("trace-id") String traceId, @Timestamp Instant placedAt) {}

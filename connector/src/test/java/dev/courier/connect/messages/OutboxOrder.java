/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.messages;

import dev.courier.Header;
import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.Timestamp;
import java.time.Instant;

/**
 * An order written through the transactional outbox by the outbox ITs.
 *
 * @param orderId the key
 * @param amountCents the amount
 * @param traceId a header
 * @param placedAt the record timestamp
 */
@KafkaMessage(topic = "outbox-orders", outbox = true)
public record OutboxOrder(
    @PartitionKey String orderId, long amountCents, @Header("trace-id") String traceId, @Timestamp Instant placedAt) {}

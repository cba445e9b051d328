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
 * The rows of {@code OutboxRelayBenchmarkIT}: about 150 bytes of JSON, a header and a timestamp.
 *
 * @param orderId the key
 * @param customer a customer id
 * @param amountCents an amount
 * @param currency a currency
 * @param traceId a header
 * @param placedAt the timestamp
 */
@KafkaMessage(topic = "outbox-bench", outbox = true)
public record OutboxBenchRow(
    @PartitionKey String orderId,
    String customer,
    long amountCents,
    String currency,
    @Header("trace-id") String traceId,
    @Timestamp Instant placedAt) {}

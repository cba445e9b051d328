/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.orders;

import dev.courier.Acks;
import dev.courier.Compression;
import dev.courier.Header;
import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.SendMode;
import dev.courier.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * {@link OrderPlaced}'s members and topic, sent {@code ASYNC}: {@code send} returns a future at once and
 * completes it when the broker has acknowledged the record (a form with a Kafka {@code Callback} exists too).
 *
 * <p>A {@code @KafkaMessage} type fixes one send mode, so the demo sends the same orders in this mode through
 * this type. {@code OrderPlacedDeserializer} reads all three.
 *
 * @param orderId the order id; the record key
 * @param customerId the customer
 * @param channel where the order was placed
 * @param lines what was ordered
 * @param shipTo where it goes
 * @param totalCents the total in cents of {@code currency}
 * @param currency an ISO 4217 code
 * @param traceId the trace id of the request that placed the order; also the {@code trace-id} header
 * @param placedAt when the order was placed; the record timestamp
 */
@KafkaMessage(topic = "orders", sendMode = SendMode.ASYNC, acks = Acks.ALL, idempotence = true)
public record OrderPlacedAsync(
    @PartitionKey String orderId,
    String customerId,
    Channel channel,
    List<OrderLine> lines,
    Address shipTo,
    long totalCents,
    String currency,
    @Header("trace-id") String traceId,
    @Timestamp Instant placedAt) {}

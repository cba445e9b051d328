/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.orders;

import dev.courier.Acks;
import dev.courier.Header;
import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.SendMode;
import dev.courier.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * An order a customer placed at checkout. The checkout must know the order is stored before it confirms it, so it
 * is sent {@code SYNC} with {@code acks=all} and idempotence: {@code OrderPlacedProducer.send} returns the record's
 * partition and offset, or throws.
 *
 * <p>The order id is the record key, so every event of one order lands on the same partition, in order. The trace
 * id also travels as the {@code trace-id} header, and {@code placedAt} is the record timestamp. The lines and the
 * address are nested records in the JSON value.
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
@KafkaMessage(topic = "orders", sendMode = SendMode.SYNC, acks = Acks.ALL, idempotence = true, outbox = true)
public record OrderPlaced(
    @PartitionKey String orderId,
    String customerId,
    Channel channel,
    List<OrderLine> lines,
    Address shipTo,
    long totalCents,
    String currency,
    @Header("trace-id") String traceId,
    @Timestamp Instant placedAt) {}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.payments;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.Timestamp;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment was captured. Payments of one settlement batch must become visible together or not at all, so the type
 * is transactional: {@code PaymentCapturedProducer.inTransaction(tx -> ...)} sends several payments and commits or
 * aborts them as a unit. {@code transactionalId} is the prefix of each instance's {@code transactional.id}; an
 * instance passes its own, such as {@code payments-service-1}, at run time.
 *
 * <p>{@code maxInFlight}, {@code deliveryTimeoutMs} and {@code requestTimeoutMs} are fixed too, and checked at compile
 * time by the same rules the runtime uses (a transactional producer needs idempotence, at most 5 requests in flight,
 * and a delivery timeout of at least linger plus request timeout).
 *
 * @param paymentId the payment; the record key
 * @param orderId the order it pays
 * @param amount the amount, exact
 * @param currency an ISO 4217 code
 * @param method how it was paid
 * @param capturedAt when it was captured; the record timestamp
 */
@KafkaMessage(
    topic = "payments",
    transactionalId = "payments-service",
    maxInFlight = 5,
    deliveryTimeoutMs = 120000,
    requestTimeoutMs = 30000)
public record PaymentCaptured(
    @PartitionKey String paymentId,
    String orderId,
    BigDecimal amount,
    String currency,
    Method method,
    @Timestamp Instant capturedAt) {

  /** How a payment was made. */
  public enum Method {
    /** A card payment. */
    CARD,
    /** A bank transfer. */
    TRANSFER,
    /** A wallet such as a gift card balance. */
    WALLET
  }
}

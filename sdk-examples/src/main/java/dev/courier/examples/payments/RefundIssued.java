/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.payments;

import dev.courier.Header;
import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.SendMode;
import dev.courier.Timestamp;
import dev.courier.ValueFormat;
import java.time.Instant;
import java.util.List;

/**
 * A refund was issued. Refunds are read by services in other languages, so their values carry Schema Registry's
 * framing ({@code valueFormat = SCHEMA_REGISTRY_JSON}): {@code RefundIssuedProducer.create} registers the type's JSON
 * Schema under subject {@code refunds-value} at the registry named by {@code schema.registry.url} and frames each
 * value with its id, and consumers (Confluent's deserializers in any language, or the generated
 * {@code RefundIssuedDeserializer}) resolve the schema by that id. The demo's {@code --schema-registry} step sends
 * refunds through the generated producer and the file connector and checks the bytes are the same.
 *
 * @param refundId the key
 * @param orderId the refunded order
 * @param amountCents the amount
 * @param reason why
 * @param items the refunded items
 * @param traceId the trace header
 * @param issuedAt the record timestamp
 */
@KafkaMessage(topic = "refunds", sendMode = SendMode.SYNC, valueFormat = ValueFormat.SCHEMA_REGISTRY_JSON)
public record RefundIssued(
    @PartitionKey String refundId,
    String orderId,
    long amountCents,
    Reason reason,
    List<String> items,
    @Header("trace-id") String traceId,
    @Timestamp Instant issuedAt) {

  /** Why a refund was issued. */
  public enum Reason {
    /** Arrived damaged. */
    DAMAGED,
    /** Arrived late. */
    LATE,
    /** The customer changed their mind. */
    CHANGED_MIND
  }
}

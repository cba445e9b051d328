/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.registry;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.SendMode;
import dev.courier.Timestamp;
import dev.courier.ValueFormat;
import java.time.Instant;

/**
 * A settled refund, framed for the Schema Registry and written through the transactional outbox by the IT.
 *
 * @param refundId the key
 * @param amountCents the amount
 * @param settledAt the record timestamp
 */
@KafkaMessage(
    topic = "refund-settlements",
    sendMode = SendMode.SYNC,
    valueFormat = ValueFormat.SCHEMA_REGISTRY_JSON,
    outbox = true)
public record RefundSettled(@PartitionKey String refundId, long amountCents, @Timestamp Instant settledAt) {}

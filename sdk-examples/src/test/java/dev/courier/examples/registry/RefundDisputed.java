/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.registry;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.SendMode;
import dev.courier.ValueFormat;

/**
 * A disputed refund whose subject, {@code refund-disputes-value}, the IT fills with an older version this one cannot
 * read (a required member added), so the registry refuses it.
 *
 * @param disputeId the key
 * @param amountCents the disputed amount, required: a primitive
 */
@KafkaMessage(topic = "refund-disputes", sendMode = SendMode.SYNC, valueFormat = ValueFormat.SCHEMA_REGISTRY_JSON)
public record RefundDisputed(@PartitionKey String disputeId, long amountCents) {}

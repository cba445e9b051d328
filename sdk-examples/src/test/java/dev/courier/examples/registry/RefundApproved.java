/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.registry;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.SendMode;
import dev.courier.ValueFormat;

/**
 * An approved refund, sent through {@code SharedProducers} by the IT.
 *
 * @param refundId the key
 * @param approver who approved it
 */
@KafkaMessage(topic = "refund-approvals", sendMode = SendMode.SYNC, valueFormat = ValueFormat.SCHEMA_REGISTRY_JSON)
public record RefundApproved(@PartitionKey String refundId, String approver) {}

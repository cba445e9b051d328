/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.registry;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.SendMode;
import dev.courier.SubjectNaming;
import dev.courier.ValueFormat;

/**
 * A reversed refund, registered under its record name ({@link SubjectNaming#RECORD}).
 *
 * @param refundId the key
 * @param reason why
 */
@KafkaMessage(
    topic = "refund-reversals",
    sendMode = SendMode.SYNC,
    valueFormat = ValueFormat.SCHEMA_REGISTRY_JSON,
    subjectNaming = SubjectNaming.RECORD)
public record RefundReversed(@PartitionKey String refundId, String reason) {}

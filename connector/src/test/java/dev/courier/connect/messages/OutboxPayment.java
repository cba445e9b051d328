/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.messages;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

/**
 * A payment written through the outbox next to {@link OutboxOrder}, to another topic, without a timestamp member (so
 * the outbox stamps the time it is written).
 *
 * @param paymentId the key
 * @param method how it was paid
 */
@KafkaMessage(topic = "outbox-payments", outbox = true)
public record OutboxPayment(@PartitionKey long paymentId, String method) {}

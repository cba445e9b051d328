/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.scenario;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

/**
 * A numbered message written through the transactional outbox by {@link OutboxCrashIT}.
 *
 * @param seq the sequence number; the record key
 * @param writer the writer thread
 */
@KafkaMessage(topic = "outbox-crash", outbox = true)
public record OutboxTick(@PartitionKey long seq, int writer) {}

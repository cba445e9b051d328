/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.model;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.SendMode;

/**
 * The members of {@link SmallMessage}, sent with {@code SYNC}: {@code send} returns the record's metadata.
 *
 * @param id the key
 * @param amountCents an amount
 * @param quantity a count
 * @param express a flag
 * @param currency a short string
 */
@KafkaMessage(topic = "bench-sync", sendMode = SendMode.SYNC)
public record SyncMessage(@PartitionKey String id, long amountCents, int quantity, boolean express,
    String currency) {
}

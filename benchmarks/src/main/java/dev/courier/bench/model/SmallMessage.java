/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.model;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

/**
 * The small benchmark message: five scalar members (about 90 bytes of JSON). Sent with the default send mode,
 * {@code ASYNC}.
 *
 * @param id the key
 * @param amountCents an amount
 * @param quantity a count
 * @param express a flag
 * @param currency a short string
 */
@KafkaMessage(topic = "bench-small")
public record SmallMessage(@PartitionKey String id, long amountCents, int quantity, boolean express,
    String currency) {
}

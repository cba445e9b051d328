/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.model;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.SendMode;

/**
 * The members of {@link SmallMessage}, sent with {@code FIRE_AND_FORGET}: {@code send} returns nothing and failures
 * go to an error handler.
 *
 * @param id the key
 * @param amountCents an amount
 * @param quantity a count
 * @param express a flag
 * @param currency a short string
 */
@KafkaMessage(topic = "bench-fire-and-forget", sendMode = SendMode.FIRE_AND_FORGET)
public record FireAndForgetMessage(@PartitionKey String id, long amountCents, int quantity, boolean express,
    String currency) {
}

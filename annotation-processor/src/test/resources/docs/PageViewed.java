/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.clickstream;

import dev.courier.Acks;
import dev.courier.Compression;
import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.SendMode;
import dev.courier.Timestamp;
import java.util.Map;
import java.util.Optional;

/**
 * The next version of the example type {@code PageViewed}, with a change its committed baseline refuses: a primitive
 * member added under the default BACKWARD compatibility. docs/message-contract.md quotes it and the error
 * ({@code ContractDocTest}).
 */
@SuppressWarnings("courier.ordering")
@KafkaMessage(
    topic = "page-views",
    sendMode = SendMode.FIRE_AND_FORGET,
    acks = Acks.LEADER,
    idempotence = false,
    compression = Compression.LZ4,
    lingerMs = 50,
    batchSize = 131072)
public record PageViewed(
    @PartitionKey String sessionId,
    String url,
    String referrer,
    Optional<String> userId,
    Map<String, String> utm,
    @Timestamp long viewedAtMillis,
    int scrollPercent) {}

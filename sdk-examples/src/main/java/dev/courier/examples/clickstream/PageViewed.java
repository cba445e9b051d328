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
 * A page view: high volume, and a lost view now and then is acceptable. So it is sent {@code FIRE_AND_FORGET}
 * ({@code send} never blocks on the broker; failures go to an error handler), with {@code acks=1} and without
 * idempotence (which would need {@code acks=all}), in batches of up to 128 KiB that linger up to 50 ms and are
 * compressed with LZ4.
 *
 * <p>The session id is the key, so one session's views stay in order on one partition. {@code viewedAtMillis} is the
 * record timestamp (epoch milliseconds). {@code userId} is empty for anonymous views, and {@code utm} holds the
 * campaign parameters: an {@code Optional} and a {@code Map} in the JSON value.
 *
 * <p>Without idempotence, a retried batch can overtake the next one. Courier warns about that at compile time
 * ({@code [courier.ordering]}); views carry their own timestamp, so this type accepts it and says so with
 * {@code @SuppressWarnings("courier.ordering")}, which silences exactly that warning on exactly this type.
 *
 * @param sessionId the browser session; the record key
 * @param url the page
 * @param referrer the referring page, or {@code null}
 * @param userId the signed-in user, or empty
 * @param utm the {@code utm_*} parameters of the URL, by name
 * @param viewedAtMillis when the page was viewed, in epoch milliseconds; the record timestamp
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
    @Timestamp long viewedAtMillis) {}

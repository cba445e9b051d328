/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.model;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import java.time.Instant;
import java.util.List;

/**
 * {@link SmallMessage}'s five members followed by five more: a later version of it, for the benchmark of reading
 * members a type does not have. {@code SmallMessageDeserializer} reading this type's JSON skips the last five;
 * {@code WideMessageDeserializer} reads them.
 *
 * @param id the key
 * @param amountCents an amount
 * @param quantity a count
 * @param express a flag
 * @param currency a short string
 * @param note a longer string with escapes
 * @param discountCents a second amount
 * @param createdAt an instant
 * @param tags a list of strings
 * @param shipTo a nested record
 */
@KafkaMessage(topic = "bench-wide")
public record WideMessage(@PartitionKey String id, long amountCents, int quantity, boolean express,
    String currency, String note, long discountCents, Instant createdAt, List<String> tags, Address shipTo) {
}

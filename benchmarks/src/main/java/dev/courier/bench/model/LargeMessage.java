/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.model;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import java.util.List;

/**
 * The large benchmark message: a list of 100 nested line items (about 13 KB of JSON).
 *
 * @param batchId the key
 * @param createdAtMillis epoch milliseconds
 * @param source a short string
 * @param items the line items
 */
@KafkaMessage(topic = "bench-large")
public record LargeMessage(@PartitionKey String batchId, long createdAtMillis, String source, List<LineItem> items) {
}

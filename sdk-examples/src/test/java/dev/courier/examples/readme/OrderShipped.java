/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.readme;

import dev.courier.Acks;
import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

/**
 * The README's second message type, sent next to {@link OrderPlaced} on one shared producer.
 *
 * @param orderId the key
 * @param carrier who ships it
 */
@KafkaMessage(topic = "shipments", acks = Acks.ALL, idempotence = true)
public record OrderShipped(@PartitionKey String orderId, String carrier) {}

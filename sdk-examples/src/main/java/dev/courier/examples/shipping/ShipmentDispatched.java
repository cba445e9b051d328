/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.shipping;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.SendMode;
import dev.courier.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A shipment left the warehouse. The warehouse service sends it {@code ASYNC}: {@code send} returns a
 * {@code CompletableFuture} of the record's metadata at once, and {@code send(message, callback)} calls a Kafka
 * {@code Callback} instead; either way the caller learns of every failure without blocking a thread per send.
 *
 * <p>The key is a {@code UUID}, serialized with Kafka's {@code UUIDSerializer} (inferred from the type).
 * {@code deliveryTimeoutMs} bounds how long a send may take, retries included, before it fails; {@code bufferMemory}
 * caps what the producer buffers while the broker is slow.
 *
 * @param shipmentId the shipment; the record key
 * @param orderId the order it ships
 * @param carrier the carrier
 * @param trackingNumber the carrier's tracking number
 * @param parcelIds the parcels in the shipment
 * @param expectedDelivery the day the carrier expects to deliver
 * @param dispatchedAt when the shipment left; the record timestamp
 */
@KafkaMessage(topic = "shipments", sendMode = SendMode.ASYNC, deliveryTimeoutMs = 60000, bufferMemory = 16777216)
public record ShipmentDispatched(
    @PartitionKey UUID shipmentId,
    String orderId,
    String carrier,
    String trackingNumber,
    Set<String> parcelIds,
    LocalDate expectedDelivery,
    @Timestamp Instant dispatchedAt) {}

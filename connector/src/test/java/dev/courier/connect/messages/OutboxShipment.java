/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.messages;

import dev.courier.Header;
import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A shipment sent both directly and through the outbox by the outbox ITs, which compare the two records.
 *
 * @param shipmentId the key
 * @param carrier a header
 * @param region a header that may be absent
 * @param parcels a list in the value
 * @param note an optional member
 * @param shippedAt the record timestamp
 */
@KafkaMessage(topic = "outbox-shipments", outbox = true)
public record OutboxShipment(
    @PartitionKey String shipmentId,
    @Header("carrier") String carrier,
    @Header("region") String region,
    List<String> parcels,
    Optional<String> note,
    @Timestamp Instant shippedAt) {}

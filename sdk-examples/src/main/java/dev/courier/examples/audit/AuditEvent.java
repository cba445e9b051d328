/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.audit;

import dev.courier.Header;
import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.Timestamp;
import java.time.Instant;

/**
 * An entry of the audit trail, whose consumers already read a compact binary format: the type declares its own value
 * serializer, {@link AuditEventSerializer}, so Courier generates no JSON codec for it. Key, header and timestamp still
 * come from the annotated members.
 *
 * <p>{@code properties} fixes a Kafka key that has no attribute of its own: audit entries are small, so a request
 * larger than 256 KiB is a bug to fail on, not a batch to send.
 *
 * @param actor who did it; the record key
 * @param action what was done, e.g. {@code order.cancel}
 * @param resource what it was done to, e.g. {@code orders/o-1001}
 * @param source the service that reports it; also the {@code source} header
 * @param at when; the record timestamp
 */
@KafkaMessage(topic = "audit", valueSerializer = AuditEventSerializer.class, properties = "max.request.size=262144")
public record AuditEvent(
    @PartitionKey String actor,
    String action,
    String resource,
    @Header("source") String source,
    @Timestamp Instant at) {}

package com.acme;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.SubjectNaming;
import dev.courier.ValueFormat;
import java.time.Instant;

// Framed for the Schema Registry: consumers in other languages read refunds through it. Written through the
// transactional outbox with the refund's database change.
@KafkaMessage(
    topic = "refunds",
    valueFormat = ValueFormat.SCHEMA_REGISTRY_JSON,
    subjectNaming = SubjectNaming.TOPIC_RECORD,
    outbox = true)
public record Refund(@PartitionKey String refundId, long amountCents, Instant refundedAt) {}

package com.acme;

import dev.courier.KafkaMessage;
import dev.courier.Timestamp;

@KafkaMessage(topic = "orders")
public record TimestampType(
    String id,
    @Timestamp String when) {}

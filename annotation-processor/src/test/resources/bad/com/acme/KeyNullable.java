package com.acme;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

@KafkaMessage(topic = "orders")
public record KeyNullable(
    @PartitionKey(nullable = true)
    long id,
    String name) {}

package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(topic = "orders")
public record Unresolved(String id, DoesNotExist missing) {}

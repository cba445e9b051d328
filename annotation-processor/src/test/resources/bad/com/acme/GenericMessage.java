package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(topic = "orders")
public record GenericMessage<T>(T value) {}

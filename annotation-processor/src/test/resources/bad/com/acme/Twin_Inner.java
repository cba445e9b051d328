package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(topic = "b")
public record Twin_Inner(String id) {}

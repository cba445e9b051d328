package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "orders!")
public record BadTopic(String id) {}

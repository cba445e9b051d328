package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = " ")
public record BlankTopic(String id) {}

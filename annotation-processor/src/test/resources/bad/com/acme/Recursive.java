package com.acme;

import dev.courier.KafkaMessage;
import java.util.List;

@KafkaMessage(topic = "trees")
public record Recursive(
    String name,
    List<Recursive> children) {}

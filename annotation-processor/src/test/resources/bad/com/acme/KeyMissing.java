package com.acme;

import dev.courier.KafkaMessage;
import org.apache.kafka.common.serialization.StringSerializer;

@KafkaMessage(
    topic = "orders",
    keySerializer = StringSerializer.class)
public class KeyMissing {
  String id;
}

package com.acme;

import dev.courier.KafkaMessage;
import org.apache.kafka.common.serialization.StringSerializer;

@KafkaMessage(
    topic = "orders",
    valueSerializer = StringSerializer.class)
public class WrongSerializer {
  String id;
}

package com.acme;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import java.time.Instant;

@KafkaMessage(topic = "orders")
public class KeyType {
  @PartitionKey Instant at;
  String id;
}

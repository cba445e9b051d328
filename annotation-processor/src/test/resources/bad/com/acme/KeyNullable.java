package com.acme;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

@KafkaMessage(topic = "orders")
public class KeyNullable {
  @PartitionKey(nullable = true)
  long id;
  String name;
}

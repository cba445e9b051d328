package com.acme;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

@KafkaMessage(topic = "orders")
public class Derived {
  String region;
  String id;
  @PartitionKey
  public String routingKey() {
    return region + "/" + id;
  }
}

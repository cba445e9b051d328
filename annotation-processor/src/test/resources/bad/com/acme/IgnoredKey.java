package com.acme;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

@KafkaMessage(topic = "orders")
public class IgnoredKey {
  @PartitionKey
  public static String region = "eu";

  public String id;
}

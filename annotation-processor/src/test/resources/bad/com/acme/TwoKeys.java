package com.acme;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

@KafkaMessage(topic = "orders")
public class TwoKeys {
  @PartitionKey String orderId;
  @PartitionKey String customerId;
}

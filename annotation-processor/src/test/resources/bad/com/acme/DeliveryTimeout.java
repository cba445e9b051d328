package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "orders",
    deliveryTimeoutMs = 1000)
public class DeliveryTimeout {
  String id;
}

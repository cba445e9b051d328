package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "orders",
    properties = {
      "acks=1"
    })
public class PropertyAttribute {
  String id;
}

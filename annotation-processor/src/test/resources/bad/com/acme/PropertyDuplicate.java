package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "orders",
    properties = {
      "max.request.size=1000000",
      "max.request.size=2000000"
    })
public class PropertyDuplicate {
  String id;
}

package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "orders",
    properties = {
      "max.request.size=2097152",
      "linger"
    })
public class PropertySyntax {
  String id;
}

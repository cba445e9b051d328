package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "orders",
    properties = {
      "max.request.sise=2097152"
    })
public class UnknownKey {
  String id;
}

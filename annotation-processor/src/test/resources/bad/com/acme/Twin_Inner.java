package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(topic = "b")
public class Twin_Inner {
  String id;
}

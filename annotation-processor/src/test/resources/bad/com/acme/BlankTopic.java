package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = " ")
public class BlankTopic {
  String id;
}

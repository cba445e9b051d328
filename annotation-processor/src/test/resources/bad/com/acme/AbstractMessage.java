package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(topic = "orders")
public abstract class AbstractMessage {
  public String id;
}

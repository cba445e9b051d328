package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(topic = "orders")
public class Unreadable {
  public String id;
  private long secret;

  public void setSecret(long secret) {
    this.secret = secret;
  }
}

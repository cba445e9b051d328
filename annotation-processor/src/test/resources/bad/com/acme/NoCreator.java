package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(topic = "orders")
public final class NoCreator {
  private final String id;
  private final long amount;

  public NoCreator(String identifier, long amount) {
    this.id = identifier;
    this.amount = amount;
  }

  public String getId() {
    return id;
  }

  public long getAmount() {
    return amount;
  }
}

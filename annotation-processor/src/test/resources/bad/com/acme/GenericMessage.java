package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(topic = "orders")
public class GenericMessage<T> {
  T value;
}

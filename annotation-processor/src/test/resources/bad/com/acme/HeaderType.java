package com.acme;

import dev.courier.Header;
import dev.courier.KafkaMessage;

@KafkaMessage(topic = "orders")
public class HeaderType {
  String id;
  @Header("count") int count;
}

package com.acme;

import dev.courier.Header;
import dev.courier.KafkaMessage;

@KafkaMessage(topic = "orders")
public class HeaderName {
  String id;
  @Header(" ") String trace;
}

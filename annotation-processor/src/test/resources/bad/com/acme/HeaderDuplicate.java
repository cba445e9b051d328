package com.acme;

import dev.courier.Header;
import dev.courier.KafkaMessage;

@KafkaMessage(topic = "orders")
public class HeaderDuplicate {
  @Header("trace") String first;
  @Header("trace") String second;
}

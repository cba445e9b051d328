package com.acme;

import dev.courier.KafkaMessage;
import dev.courier.Timestamp;

@KafkaMessage(topic = "orders")
public class TimestampType {
  String id;
  @Timestamp String when;
}

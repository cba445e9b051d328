package com.acme;

import dev.courier.KafkaMessage;
import java.util.Map;

@KafkaMessage(topic = "orders")
public class UnsupportedMapKey {
  String id;
  Map<Integer, String> byNumber;
}

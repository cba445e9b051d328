package com.acme;

import dev.courier.KafkaMessage;
import java.io.File;

@KafkaMessage(topic = "orders")
public class UnsupportedType {
  String id;
  File attachment;
}

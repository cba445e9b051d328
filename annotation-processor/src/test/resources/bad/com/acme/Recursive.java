package com.acme;

import dev.courier.KafkaMessage;
import java.util.List;

@KafkaMessage(topic = "trees")
public class Recursive {
  String name;
  List<Recursive> children;
}

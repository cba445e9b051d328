package corpus;

import dev.courier.KafkaMessage;

@KafkaMessage(topic = "orders")
public class Clash {
  String id;
}

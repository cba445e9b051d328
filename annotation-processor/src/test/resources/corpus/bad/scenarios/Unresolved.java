package corpus;

import dev.courier.KafkaMessage;

@KafkaMessage(topic = "orders")
public class Unresolved {
  String id;
  DoesNotExist missing;
}

package corpus;

import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "orders",
    idempotence = false,
    maxInFlight = 5)
public class Ordering {
  String id;
}

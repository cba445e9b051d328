package corpus;

import dev.courier.KafkaMessage;

@SuppressWarnings("courier.ordering")
@KafkaMessage(topic = "orders", idempotence = false, maxInFlight = 5)
public class SuppressedOrdering {
  String id;
}

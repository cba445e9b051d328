package corpus;

import dev.courier.KafkaMessage;

// message: needs retries > 0
@KafkaMessage(
    topic = "orders",
    idempotence = true,
    retries = 0) // error: courier.idempotence.retries
public class IdempotenceRetries {
  String id;
}

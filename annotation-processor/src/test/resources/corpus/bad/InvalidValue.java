package corpus;

import dev.courier.KafkaMessage;

// message: request.timeout.ms=-5 is invalid
@KafkaMessage(
    topic = "orders",
    requestTimeoutMs = -5) // error: courier.invalid-value
public class InvalidValue {
  String id;
}

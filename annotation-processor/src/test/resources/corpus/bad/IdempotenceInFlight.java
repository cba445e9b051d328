package corpus;

import dev.courier.KafkaMessage;

// message: needs max.in.flight.requests.per.connection <= 5, but it is 6
@KafkaMessage(
    topic = "orders",
    idempotence = true,
    maxInFlight = 6) // error: courier.idempotence.max-in-flight
public class IdempotenceInFlight {
  String id;
}

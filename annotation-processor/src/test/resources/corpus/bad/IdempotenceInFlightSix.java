package corpus;

import dev.courier.KafkaMessage;

/** Bad input: maxInFlight=6 with idempotence. */
@KafkaMessage(
    topic = "orders",
    maxInFlight = 6) // error: courier.idempotence.max-in-flight
public record IdempotenceInFlightSix(String id) {}

package corpus;

import dev.courier.KafkaMessage;

/** Bad input: maxInFlight=0. */
@KafkaMessage(
    topic = "orders",
    maxInFlight = 0) // error: courier.invalid-value
public record MaxInFlightZero(String id) {}

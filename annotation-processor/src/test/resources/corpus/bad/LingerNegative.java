package corpus;

import dev.courier.KafkaMessage;

/** Bad input: lingerMs=-5. */
@KafkaMessage(
    topic = "orders",
    lingerMs = -5L) // error: courier.invalid-value
public record LingerNegative(String id) {}

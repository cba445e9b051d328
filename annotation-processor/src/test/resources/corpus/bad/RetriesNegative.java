package corpus;

import dev.courier.KafkaMessage;

/** Bad input: retries=-2. */
@KafkaMessage(
    topic = "orders",
    retries = -2) // error: courier.invalid-value
public record RetriesNegative(String id) {}

package corpus;

import dev.courier.KafkaMessage;

/** Bad input: batchSize=-7. */
@KafkaMessage(
    topic = "orders",
    batchSize = -7) // error: courier.invalid-value
public record BatchSizeNegative(String id) {}

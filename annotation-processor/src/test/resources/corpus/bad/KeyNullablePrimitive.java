package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

/** Bad input: a primitive key declared nullable, which it can never be. */
@KafkaMessage(topic = "corpus")
public record KeyNullablePrimitive(
    @PartitionKey(nullable = true) int id, // error: courier.key.nullable
    String name) {}

package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

/** Bad input: a boolean key. */
@KafkaMessage(topic = "corpus")
public record KeyBoolean(
    @PartitionKey boolean active, // error: courier.key.type
    String id) {}

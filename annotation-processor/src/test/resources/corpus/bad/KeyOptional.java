package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import java.util.Optional;

/** Bad input: an Optional key. */
@KafkaMessage(topic = "corpus")
public record KeyOptional(
    @PartitionKey Optional<String> id, // error: courier.key.type
    String name) {}

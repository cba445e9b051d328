package corpus;

import dev.courier.KafkaMessage;
import org.apache.kafka.common.serialization.StringSerializer;

/** Bad input: a key serializer on a type without a @PartitionKey member. */
@KafkaMessage(
    topic = "orders",
    keySerializer = StringSerializer.class) // error: courier.key.missing
public record KeySerializerWithoutKey(String id) {}

package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import org.apache.kafka.common.serialization.LongSerializer;

/** Bad input: a key serializer for Long on a String key. */
@KafkaMessage(
    topic = "orders",
    keySerializer = LongSerializer.class) // error: courier.serializer
public record KeySerializerWrongType(@PartitionKey String id) {}

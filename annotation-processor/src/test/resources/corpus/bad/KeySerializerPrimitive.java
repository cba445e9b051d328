package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import org.apache.kafka.common.serialization.StringSerializer;

/** Bad input: a String key serializer on a long key. */
@KafkaMessage(
    topic = "orders",
    keySerializer = StringSerializer.class) // error: courier.serializer
public record KeySerializerPrimitive(@PartitionKey long id) {}

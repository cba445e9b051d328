package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import org.apache.kafka.common.serialization.Serializer;

/** Bad input: an interface as key serializer. */
@KafkaMessage(
    topic = "orders",
    keySerializer = KeySerializerInterface.Writer.class) // error: courier.serializer
public record KeySerializerInterface(@PartitionKey String id) {
  /** Not a class. */
  public interface Writer extends Serializer<String> {}
}

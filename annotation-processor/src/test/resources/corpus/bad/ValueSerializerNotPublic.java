package corpus;

import dev.courier.KafkaMessage;
import org.apache.kafka.common.serialization.Serializer;

/** Bad input: a package-private value serializer. */
@KafkaMessage(
    topic = "orders",
    valueSerializer = ValueSerializerNotPublic.Writer.class) // error: courier.serializer
public record ValueSerializerNotPublic(String id) {
  /** Package-private. */
  static final class Writer implements Serializer<ValueSerializerNotPublic> {
    @Override
    public byte[] serialize(String topic, ValueSerializerNotPublic data) {
      return data.id().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}

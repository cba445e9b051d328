package corpus;

import dev.courier.KafkaMessage;
import org.apache.kafka.common.serialization.Serializer;

/** Bad input: a value serializer without a public no-argument constructor. */
@KafkaMessage(
    topic = "orders",
    valueSerializer = ValueSerializerNoPublicConstructor.Writer.class) // error: courier.serializer
public record ValueSerializerNoPublicConstructor(String id) {
  /** Needs an argument. */
  public static final class Writer implements Serializer<ValueSerializerNoPublicConstructor> {
    private final String prefix;

    public Writer(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public byte[] serialize(String topic, ValueSerializerNoPublicConstructor data) {
      return (prefix + data.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}

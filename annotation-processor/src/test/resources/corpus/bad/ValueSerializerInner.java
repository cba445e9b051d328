package corpus;

import dev.courier.KafkaMessage;
import org.apache.kafka.common.serialization.Serializer;

/** Bad input: a non-static inner class as value serializer. */
@KafkaMessage(
    topic = "orders",
    valueSerializer = ValueSerializerInner.Outer.Writer.class) // error: courier.serializer
public record ValueSerializerInner(String id) {
  /** Holds the inner class. */
  public static final class Outer {
    /** Inner: needs an Outer. */
    public final class Writer implements Serializer<ValueSerializerInner> {
      @Override
      public byte[] serialize(String topic, ValueSerializerInner data) {
        return data.id().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
    }
  }
}

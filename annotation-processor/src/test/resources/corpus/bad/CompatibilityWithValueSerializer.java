package corpus;

import dev.courier.Compatibility;
import dev.courier.KafkaMessage;
import org.apache.kafka.common.serialization.Serializer;

// message: @KafkaMessage(compatibility) on corpus.CompatibilityWithValueSerializer would have no effect: the type declares valueSerializer corpus.CompatibilityWithValueSerializer.Bytes
@KafkaMessage(
    topic = "raw",
    valueSerializer = CompatibilityWithValueSerializer.Bytes.class,
    compatibility = Compatibility.FULL) // error: courier.compatibility.unused
public class CompatibilityWithValueSerializer {
  public String id;

  public static class Bytes implements Serializer<CompatibilityWithValueSerializer> {
    public Bytes() {}

    @Override
    public byte[] serialize(String topic, CompatibilityWithValueSerializer data) {
      return data.id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}

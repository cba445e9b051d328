package corpus;

import dev.courier.KafkaMessage;
import dev.courier.ValueFormat;
import org.apache.kafka.common.serialization.Serializer;

// message: @KafkaMessage(valueFormat = SCHEMA_REGISTRY_JSON) on corpus.RegistryFormatWithValueSerializer cannot work with valueSerializer corpus.RegistryFormatWithValueSerializer.Bytes
@KafkaMessage(
    topic = "raw",
    valueSerializer = RegistryFormatWithValueSerializer.Bytes.class,
    valueFormat = ValueFormat.SCHEMA_REGISTRY_JSON) // error: courier.format.serializer
public class RegistryFormatWithValueSerializer {
  public String id;

  public static class Bytes implements Serializer<RegistryFormatWithValueSerializer> {
    public Bytes() {}

    @Override
    public byte[] serialize(String topic, RegistryFormatWithValueSerializer data) {
      return data.id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}

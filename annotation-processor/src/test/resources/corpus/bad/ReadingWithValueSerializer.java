package corpus;

import dev.courier.KafkaMessage;
import dev.courier.Reading;
import org.apache.kafka.common.serialization.Serializer;

// message: @KafkaMessage(reading) on corpus.ReadingWithValueSerializer would have no effect: the type declares valueSerializer corpus.ReadingWithValueSerializer.Bytes
@KafkaMessage(
    topic = "raw",
    valueSerializer = ReadingWithValueSerializer.Bytes.class,
    reading = Reading.STRICT) // error: courier.reading.unused
public class ReadingWithValueSerializer {
  public String id;

  public static class Bytes implements Serializer<ReadingWithValueSerializer> {
    public Bytes() {}

    @Override
    public byte[] serialize(String topic, ReadingWithValueSerializer data) {
      return data.id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}

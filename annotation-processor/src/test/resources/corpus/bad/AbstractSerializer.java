package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import org.apache.kafka.common.serialization.Serializer;

// message: which is abstract
@KafkaMessage(
    topic = "orders",
    keySerializer = AbstractSerializer.KeyWriter.class) // error: courier.serializer
public class AbstractSerializer {
  @PartitionKey String id;
  public abstract static class KeyWriter implements Serializer<String> {}
}

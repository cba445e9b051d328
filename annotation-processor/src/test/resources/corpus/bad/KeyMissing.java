package corpus;

import dev.courier.KafkaMessage;
import org.apache.kafka.common.serialization.StringSerializer;

// message: but no member is @PartitionKey
@KafkaMessage(
    topic = "orders",
    keySerializer = StringSerializer.class) // error: courier.key.missing
public class KeyMissing {
  String id;
}

package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import java.time.Instant;

// message: has type java.time.Instant, for which Kafka has no stock serializer
@KafkaMessage(topic = "orders")
public class KeyType {
  @PartitionKey Instant at; // error: courier.key.type
  String id;
}

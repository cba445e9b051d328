package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

// message: @PartitionKey(nullable = true) on member 'id' of corpus.KeyNullable cannot apply: its type long is primitive, so the key is never null. Fix: Remove nullable = true, or use Long if messages may have no key.
@KafkaMessage(topic = "orders")
public class KeyNullable {
  @PartitionKey(nullable = true) // error: courier.key.nullable
  long id;
  String name;
}

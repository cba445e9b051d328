package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

// message: more than one @PartitionKey member ('orderId', 'customerId')
@KafkaMessage(topic = "orders")
public class TwoKeys {
  @PartitionKey String orderId;
  @PartitionKey String customerId; // error: courier.key.duplicate
}

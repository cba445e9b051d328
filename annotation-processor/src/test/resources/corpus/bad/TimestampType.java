package corpus;

import dev.courier.KafkaMessage;
import dev.courier.Timestamp;

// message: has type java.lang.String
@KafkaMessage(topic = "orders")
public class TimestampType {
  String id;
  @Timestamp String when; // error: courier.timestamp.type
}

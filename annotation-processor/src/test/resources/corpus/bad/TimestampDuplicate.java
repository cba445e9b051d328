package corpus;

import dev.courier.KafkaMessage;
import dev.courier.Timestamp;
import java.time.Instant;

// message: more than one @Timestamp member ('created', 'updated')
@KafkaMessage(topic = "orders")
public class TimestampDuplicate {
  @Timestamp Instant created;
  @Timestamp Instant updated; // error: courier.timestamp.duplicate
}

package corpus;

import dev.courier.KafkaMessage;
import dev.courier.Timestamp;
import java.time.Instant;

/** Bad input: two timestamps, the second on a getter. */
@KafkaMessage(topic = "corpus")
public class TimestampTwoViaGetter {
  @Timestamp
  public Instant created;

  long updated;

  @Timestamp // error: courier.timestamp.duplicate
  public long getUpdated() {
    return updated;
  }
}

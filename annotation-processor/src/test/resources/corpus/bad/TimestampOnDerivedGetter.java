package corpus;

import dev.courier.KafkaMessage;
import dev.courier.Timestamp;
import java.time.Instant;

/** Bad input: @Timestamp on a getter-like method of no member. */
@KafkaMessage(topic = "corpus")
public record TimestampOnDerivedGetter(String id, long createdMillis) {
  @Timestamp // error: courier.member.derived
  public Instant getCreated() {
    return Instant.ofEpochMilli(createdMillis);
  }
}

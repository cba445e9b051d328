package corpus;

import dev.courier.KafkaMessage;
import dev.courier.Timestamp;
import java.time.Instant;

/** Bad input: @Timestamp on a static field. */
@KafkaMessage(topic = "corpus")
public record TimestampOnStaticField(String id) {
  @Timestamp // error: courier.member.ignored
  static final Instant EPOCH = Instant.EPOCH;
}

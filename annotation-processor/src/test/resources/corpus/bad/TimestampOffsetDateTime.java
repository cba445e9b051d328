package corpus;

import dev.courier.KafkaMessage;
import dev.courier.Timestamp;

/** Bad input: an OffsetDateTime timestamp. */
@KafkaMessage(topic = "corpus")
public record TimestampOffsetDateTime(
    String id,
    @Timestamp java.time.OffsetDateTime at) {} // error: courier.timestamp.type

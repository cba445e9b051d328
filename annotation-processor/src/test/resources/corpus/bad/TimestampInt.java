package corpus;

import dev.courier.KafkaMessage;
import dev.courier.Timestamp;

/** Bad input: an int timestamp. */
@KafkaMessage(topic = "corpus")
public record TimestampInt(
    String id,
    @Timestamp int seconds) {} // error: courier.timestamp.type

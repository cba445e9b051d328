package corpus;

import dev.courier.KafkaMessage;
import dev.courier.Timestamp;
import java.time.LocalDate;

/** Bad input: a LocalDate timestamp. */
@KafkaMessage(topic = "corpus")
public record TimestampLocalDate(
    String id,
    @Timestamp LocalDate day) {} // error: courier.timestamp.type

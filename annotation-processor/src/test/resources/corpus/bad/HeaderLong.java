package corpus;

import dev.courier.Header;
import dev.courier.KafkaMessage;

/** Bad input: a long header. */
@KafkaMessage(topic = "corpus")
public record HeaderLong(
    String id,
    @Header("version") long version) {} // error: courier.header.type

package corpus;

import dev.courier.Header;
import dev.courier.KafkaMessage;

/** Bad input: a UUID header. */
@KafkaMessage(topic = "corpus")
public record HeaderUuid(
    String id,
    @Header("request") java.util.UUID request) {} // error: courier.header.type

package corpus;

import dev.courier.Header;
import dev.courier.KafkaMessage;

/** Bad input: a header named "". */
@KafkaMessage(topic = "corpus")
public record HeaderEmptyName(
    String id,
    @Header("") String trace) {} // error: courier.header.name

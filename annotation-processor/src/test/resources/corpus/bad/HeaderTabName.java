package corpus;

import dev.courier.Header;
import dev.courier.KafkaMessage;

/** Bad input: a header named with white space only. */
@KafkaMessage(topic = "corpus")
public record HeaderTabName(
    String id,
    @Header("\t") String trace) {} // error: courier.header.name

package corpus;

import dev.courier.Header;
import dev.courier.KafkaMessage;
import java.util.Optional;

/** Bad input: an Optional<String> header. */
@KafkaMessage(topic = "corpus")
public record HeaderOptional(
    String id,
    @Header("trace") Optional<String> trace) {} // error: courier.header.type

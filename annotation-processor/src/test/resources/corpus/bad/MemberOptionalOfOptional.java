package corpus;

import dev.courier.KafkaMessage;
import java.util.Optional;

/** Bad input: Optional<Optional<String>>. */
@KafkaMessage(topic = "corpus")
public record MemberOptionalOfOptional(
    String id,
    Optional<Optional<String>> maybe) {} // error: courier.member.type

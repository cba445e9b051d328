package corpus;

import dev.courier.KafkaMessage;
import java.util.List;
import java.util.Optional;

/** Bad input: Optional inside a List. */
@KafkaMessage(topic = "corpus")
public record MemberOptionalInList(
    String id,
    List<Optional<String>> maybe) {} // error: courier.member.type

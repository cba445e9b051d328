package corpus;

import dev.courier.KafkaMessage;
import java.util.List;

/** Bad input: a List<?>. */
@KafkaMessage(topic = "corpus")
public record MemberWildcardList(
    String id,
    List<?> items) {} // error: courier.member.type

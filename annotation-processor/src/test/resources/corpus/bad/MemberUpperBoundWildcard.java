package corpus;

import dev.courier.KafkaMessage;
import java.util.Map;

/** Bad input: a Map<String, ? extends Number>. */
@KafkaMessage(topic = "corpus")
public record MemberUpperBoundWildcard(
    String id,
    Map<String, ? extends Number> values) {} // error: courier.member.type

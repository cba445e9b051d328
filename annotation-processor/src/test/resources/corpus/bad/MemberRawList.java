package corpus;

import dev.courier.KafkaMessage;
import java.util.List;

/** Bad input: a raw List. */
@KafkaMessage(topic = "corpus")
@SuppressWarnings("rawtypes")
public record MemberRawList(
    String id,
    List items) {} // error: courier.member.type

package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a member of type Object. */
@KafkaMessage(topic = "corpus")
public record MemberObject(
    String id,
    Object payload) {} // error: courier.member.type

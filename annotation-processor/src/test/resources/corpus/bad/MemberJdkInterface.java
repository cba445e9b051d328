package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a member of a JDK interface type. */
@KafkaMessage(topic = "corpus")
public record MemberJdkInterface(
    String id,
    Runnable task) {} // error: courier.member.type

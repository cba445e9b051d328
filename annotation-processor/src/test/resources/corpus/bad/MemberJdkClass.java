package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a member of a JDK class without a JSON form. */
@KafkaMessage(topic = "corpus")
public record MemberJdkClass(
    String id,
    java.time.Duration timeout) {} // error: courier.member.type

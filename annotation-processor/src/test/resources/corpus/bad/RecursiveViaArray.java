package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a type that contains itself through an array. */
@KafkaMessage(topic = "corpus")
public record RecursiveViaArray(
    String name,
    RecursiveViaArray[] children) {} // error: courier.member.type

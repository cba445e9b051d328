package corpus;

import dev.courier.KafkaMessage;
import java.util.Map;

/** Bad input: a type that contains itself through a Map. */
@KafkaMessage(topic = "corpus")
public record RecursiveViaMap(
    String name,
    Map<String, RecursiveViaMap> children) {} // error: courier.member.type

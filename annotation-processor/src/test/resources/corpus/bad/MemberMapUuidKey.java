package corpus;

import dev.courier.KafkaMessage;
import java.util.Map;

/** Bad input: a Map whose keys are UUIDs. */
@KafkaMessage(topic = "corpus")
public record MemberMapUuidKey(
    String id,
    Map<java.util.UUID, String> byId) {} // error: courier.member.type

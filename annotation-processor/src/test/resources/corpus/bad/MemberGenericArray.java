package corpus;

import dev.courier.KafkaMessage;
import java.util.List;

/** Bad input: an array of a generic type. */
@KafkaMessage(topic = "corpus")
public record MemberGenericArray(
    String id,
    List<String>[] lists) {} // error: courier.member.type

package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a member of a type that does not exist. */
// error-anywhere: javac
@KafkaMessage(topic = "orders")
public record UnresolvedMemberType( // error: courier.unresolved
    String id,
    NoSuchType missing) {}

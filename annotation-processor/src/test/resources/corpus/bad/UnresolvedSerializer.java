package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a value serializer that does not exist. */
// error-anywhere: javac
@KafkaMessage(
    topic = "orders",
    valueSerializer = NoSuchSerializer.class)
public record UnresolvedSerializer(String id) {} // error: courier.unresolved

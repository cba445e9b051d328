package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a hand-written class already has the name of the generated deserializer. */
@KafkaMessage(topic = "orders") // error: courier.name-clash
public record ClashWithDeserializer(String id) {}

final class ClashWithDeserializerDeserializer {}

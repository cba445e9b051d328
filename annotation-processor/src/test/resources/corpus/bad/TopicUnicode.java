package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a non-ASCII letter in the topic. */
@KafkaMessage(topic = "bestellungen-ü") // error: courier.topic
public record TopicUnicode(String id) {}

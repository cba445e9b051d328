package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a line end inside the topic (a text block). */
@KafkaMessage(
    topic = "orders\n") // error: courier.topic
public record TopicNewline(String id) {}

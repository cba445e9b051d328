package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a space inside the topic. */
@KafkaMessage(topic = "my orders") // error: courier.topic
public record TopicSpace(String id) {}

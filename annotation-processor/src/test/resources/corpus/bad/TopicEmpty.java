package corpus;

import dev.courier.KafkaMessage;

/** Bad input: an empty topic. */
@KafkaMessage(topic = "") // error: courier.topic
public record TopicEmpty(String id) {}

package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a slash inside the topic. */
@KafkaMessage(topic = "orders/eu") // error: courier.topic
public record TopicSlash(String id) {}

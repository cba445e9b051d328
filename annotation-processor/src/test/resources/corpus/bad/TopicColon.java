package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a colon inside the topic. */
@KafkaMessage(topic = "orders:v1") // error: courier.topic
public record TopicColon(String id) {}

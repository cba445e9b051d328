package corpus;

import dev.courier.KafkaMessage;

/** Bad input: the reserved topic "..". */
@KafkaMessage(topic = "..") // error: courier.topic
public record TopicDotDot(String id) {}

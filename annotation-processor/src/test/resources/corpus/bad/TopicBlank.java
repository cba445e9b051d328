package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a topic of white space only. */
@KafkaMessage(topic = " \t ") // error: courier.topic
public record TopicBlank(String id) {}

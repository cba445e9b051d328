package corpus;

import dev.courier.KafkaMessage;

// message: is "orders!", which is not a legal Kafka topic name: the character '!' at position 7 is not allowed
@KafkaMessage(
    topic = "orders!") // error: courier.topic
public class BadTopic {
  String id;
}

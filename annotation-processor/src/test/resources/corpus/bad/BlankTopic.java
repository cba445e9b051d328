package corpus;

import dev.courier.KafkaMessage;

// message: a topic name cannot be blank
@KafkaMessage(
    topic = " ") // error: courier.topic
public class BlankTopic {
  String id;
}

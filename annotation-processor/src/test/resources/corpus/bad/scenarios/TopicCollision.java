package corpus;

import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "my.orders_v1")
public class TopicCollision {
  String id;
}

package corpus;

import dev.courier.KafkaMessage;

@SuppressWarnings("courier.topic.collision")
@KafkaMessage(topic = "my.orders_v1")
public class SuppressedCollision {
  String id;
}

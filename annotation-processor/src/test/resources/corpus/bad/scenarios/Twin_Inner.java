package corpus;

import dev.courier.KafkaMessage;

@KafkaMessage(topic = "b")
public class Twin_Inner {
  String id;
}

package corpus;

import dev.courier.KafkaMessage;

// message: which is an abstract class
@KafkaMessage(topic = "orders") // error: courier.type.kind
public abstract class AbstractMessage {
  public String id;
}

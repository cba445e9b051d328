package corpus;

import dev.courier.KafkaMessage;

// message: corpus.PrivateMessage.Hidden
public class PrivateMessage {
  @KafkaMessage(topic = "orders") // error: courier.type.access
  private static class Hidden {
    String id;
  }
}

package corpus;

import dev.courier.KafkaMessage;

// message: which is an inner (non-static) class
public class InnerMessage {
  @KafkaMessage(topic = "orders") // error: courier.type.nesting
  public class Inner {
    public String id;
  }
}

package corpus;

import dev.courier.KafkaMessage;

/** Bad input: final fields and only a private constructor. */
@KafkaMessage(topic = "orders") // error: courier.creator
public class PrivateConstructor {
  public final String id;

  private PrivateConstructor(String id) {
    this.id = id;
  }

  static PrivateConstructor of(String id) {
    return new PrivateConstructor(id);
  }
}

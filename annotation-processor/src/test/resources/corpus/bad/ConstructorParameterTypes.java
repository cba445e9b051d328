package corpus;

import dev.courier.KafkaMessage;

/** Bad input: the constructor has the members' names but another type. */
@KafkaMessage(topic = "orders") // error: courier.creator
public class ConstructorParameterTypes {
  public final String id;
  public final long amount;

  public ConstructorParameterTypes(String id, int amount) {
    this.id = id;
    this.amount = amount;
  }
}

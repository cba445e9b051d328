package corpus;

import dev.courier.KafkaMessage;

/** Bad input: the only constructor's parameters are not named like the members. */
@KafkaMessage(topic = "orders") // error: courier.creator
public class ConstructorParameterNames {
  public final String id;
  public final long amount;

  public ConstructorParameterNames(String identifier, long value) {
    this.id = identifier;
    this.amount = value;
  }
}

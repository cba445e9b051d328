package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a nested class cannot be created. */
@KafkaMessage(topic = "corpus")
public record NestedNoCreator(
    String id,
    NestedNoCreator.Money price) { // error: courier.creator
  /** No constructor the deserializer can use. */
  public static final class Money {
    public final String currency;

    private Money(String currency) {
      this.currency = currency;
    }
  }
}

package corpus;

import dev.courier.KafkaMessage;

// message: cannot create corpus.NoCreator: it has no accessible no-argument constructor, and no accessible constructor whose parameters are exactly its members (id, amount)
@KafkaMessage(topic = "orders") // error: courier.creator
public final class NoCreator {
  private final String id;
  private final long amount;

  public NoCreator(String identifier, long amount) {
    this.id = identifier;
    this.amount = amount;
  }

  public String getId() {
    return id;
  }

  public long getAmount() {
    return amount;
  }
}

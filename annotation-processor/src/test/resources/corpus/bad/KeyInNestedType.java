package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

/** Bad input: @PartitionKey on a member of a nested type, where it has no effect. */
@KafkaMessage(topic = "corpus")
public record KeyInNestedType(
    String id,
    KeyInNestedType.Customer customer) {
  /** Not the message: its @PartitionKey would be ignored. */
  public record Customer(
      @PartitionKey String customerId, // error: courier.member.ignored
      String name) {}
}

package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

/** Bad input: @PartitionKey on a method with a parameter. */
@KafkaMessage(topic = "corpus")
public record KeyOnGetterWithParameter(String id) {
  @PartitionKey // error: courier.member.derived
  public String id(String prefix) {
    return prefix + id;
  }
}

package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

/** Bad input: @PartitionKey on a static method. */
@KafkaMessage(topic = "corpus")
public record KeyOnStaticMethod(String id) {
  @PartitionKey // error: courier.member.derived
  public static String id(KeyOnStaticMethod message) {
    return message.id();
  }
}

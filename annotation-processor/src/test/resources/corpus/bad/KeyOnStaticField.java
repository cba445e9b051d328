package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

/** Bad input: @PartitionKey on a static field: it is not a member of the message. */
@KafkaMessage(topic = "corpus")
public class KeyOnStaticField {
  @PartitionKey // error: courier.member.ignored
  public static String region = "eu";

  public String id;
}

package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

// message: @PartitionKey on static field 'region' of corpus.IgnoredKey would have no effect: it is static, so it is not part of the message
@KafkaMessage(topic = "orders")
public class IgnoredKey {
  @PartitionKey // error: courier.member.ignored
  public static String region = "eu";

  public String id;
}

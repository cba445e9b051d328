package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

/** Bad input: two keys: a field and the getter of another field. */
@KafkaMessage(topic = "corpus")
public class KeyTwoViaGetter {
  @PartitionKey
  public String id;

  String region;

  @PartitionKey // error: courier.key.duplicate
  public String getRegion() {
    return region;
  }
}

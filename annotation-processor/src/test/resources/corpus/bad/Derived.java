package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

// message: @PartitionKey is on routingKey() of corpus.Derived, which is not the getter of a member
@KafkaMessage(topic = "orders")
public class Derived {
  String region;
  String id;
  @PartitionKey // error: courier.member.derived
  public String routingKey() {
    return region + "/" + id;
  }
}

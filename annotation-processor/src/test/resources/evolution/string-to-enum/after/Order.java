package evolution;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

@KafkaMessage(topic = "orders")
public record Order(@PartitionKey String id, Status status) {
  public enum Status { NEW, PAID }
}

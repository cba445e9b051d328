package evolution;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

@KafkaMessage(topic = "orders.v2")
public record Order(@PartitionKey String id, long cents) {}

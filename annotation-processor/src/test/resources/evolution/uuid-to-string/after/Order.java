package evolution;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import java.util.UUID;

@KafkaMessage(topic = "orders")
public record Order(@PartitionKey String id, String reference) {}

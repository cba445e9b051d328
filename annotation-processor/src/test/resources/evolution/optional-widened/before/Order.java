package evolution;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import java.util.Optional;

@KafkaMessage(topic = "orders")
public record Order(@PartitionKey String id, Optional<Integer> cents) {}

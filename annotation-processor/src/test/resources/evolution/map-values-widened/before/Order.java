package evolution;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import java.util.Map;

@KafkaMessage(topic = "orders")
public record Order(@PartitionKey String id, Map<String, Integer> stock) {}

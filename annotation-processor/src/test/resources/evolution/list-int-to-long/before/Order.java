package evolution;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import java.util.List;

@KafkaMessage(topic = "orders")
public record Order(@PartitionKey String id, List<Integer> counts) {}

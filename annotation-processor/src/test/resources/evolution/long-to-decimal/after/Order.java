package evolution;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import java.math.BigDecimal;

@KafkaMessage(topic = "orders")
public record Order(@PartitionKey String id, BigDecimal cents) {}

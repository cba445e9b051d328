package evolution;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import java.time.Instant;
import java.time.LocalDate;

@KafkaMessage(topic = "orders")
public record Order(@PartitionKey String id, Instant at) {}

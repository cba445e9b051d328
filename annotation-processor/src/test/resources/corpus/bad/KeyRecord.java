package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

/** Bad input: a record as key, without a key serializer. */
@KafkaMessage(topic = "corpus")
public record KeyRecord(
    @PartitionKey KeyRecord.Id id, // error: courier.key.type
    String name) {
  /** A compound id. */
  public record Id(String region, long number) {}
}

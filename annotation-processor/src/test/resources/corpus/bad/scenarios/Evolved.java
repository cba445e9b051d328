package corpus;

import dev.courier.Compatibility;
import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.Reading;

/** The next version of a type whose previous schema is evolution-baseline/corpus.Evolved.json. */
@KafkaMessage(
    topic = "evolved.v2",
    reading = Reading.STRICT,
    compatibility = Compatibility.FULL)
public class Evolved {
  @PartitionKey
  public String id;

  public int cents;

  public int quantity;
}

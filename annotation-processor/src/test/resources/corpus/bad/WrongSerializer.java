package corpus;

import dev.courier.KafkaMessage;
import org.apache.kafka.common.serialization.StringSerializer;

// message: which serializes java.lang.String, not corpus.WrongSerializer
@KafkaMessage(
    topic = "orders",
    valueSerializer = StringSerializer.class) // error: courier.serializer
public class WrongSerializer {
  String id;
}

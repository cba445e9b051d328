package corpus;

import dev.courier.KafkaMessage;
import java.util.Map;

// message: a Map whose keys are not String
@KafkaMessage(topic = "orders")
public class UnsupportedMapKey {
  String id;
  Map<Integer, String> byNumber; // error: courier.member.type
}

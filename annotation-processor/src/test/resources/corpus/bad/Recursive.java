package corpus;

import dev.courier.KafkaMessage;
import java.util.List;

// message: recursive (it contains itself)
@KafkaMessage(topic = "trees")
public class Recursive {
  String name;
  List<Recursive> children; // error: courier.member.type
}

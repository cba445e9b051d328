package corpus;

import dev.courier.Header;
import dev.courier.KafkaMessage;

// message: has a blank name
@KafkaMessage(topic = "orders")
public class HeaderName {
  String id;
  @Header(" ") String trace; // error: courier.header.name
}

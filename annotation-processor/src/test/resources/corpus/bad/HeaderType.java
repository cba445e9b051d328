package corpus;

import dev.courier.Header;
import dev.courier.KafkaMessage;

// message: has type int, but a header value is bytes
@KafkaMessage(topic = "orders")
public class HeaderType {
  String id;
  @Header("count") int count; // error: courier.header.type
}

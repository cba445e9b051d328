package corpus;

import dev.courier.Header;
import dev.courier.KafkaMessage;

// message: Header "trace" is sent by both 'first' and 'second'
@KafkaMessage(topic = "orders")
public class HeaderDuplicate {
  @Header("trace") String first;
  @Header("trace") String second; // error: courier.header.duplicate
}

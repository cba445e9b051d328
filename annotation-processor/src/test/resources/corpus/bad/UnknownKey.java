package corpus;

import dev.courier.KafkaMessage;

// message: Did you mean max.request.size?
@KafkaMessage(
    topic = "orders",
    properties = {
      "max.request.sise=2097152" // error: courier.unknown-key
    })
public class UnknownKey {
  String id;
}

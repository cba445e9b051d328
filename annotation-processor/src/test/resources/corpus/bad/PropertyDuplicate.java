package corpus;

import dev.courier.KafkaMessage;

// message: sets max.request.size again (first set by "max.request.size=1000000")
@KafkaMessage(
    topic = "orders",
    properties = {
      "max.request.size=1000000",
      "max.request.size=2000000" // error: courier.property.duplicate
    })
public class PropertyDuplicate {
  String id;
}

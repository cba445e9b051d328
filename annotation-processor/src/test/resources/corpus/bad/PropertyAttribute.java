package corpus;

import dev.courier.KafkaMessage;

// message: sets acks, which the attribute acks covers
@KafkaMessage(
    topic = "orders",
    properties = {
      "acks=1" // error: courier.property.attribute
    })
public class PropertyAttribute {
  String id;
}

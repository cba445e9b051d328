package corpus;

import dev.courier.KafkaMessage;

// message: entry "linger" on corpus.PropertySyntax is not of the form key=value
@KafkaMessage(
    topic = "orders",
    properties = {
      "max.request.size=2097152",
      "linger" // error: courier.property.syntax
    })
public class PropertySyntax {
  String id;
}

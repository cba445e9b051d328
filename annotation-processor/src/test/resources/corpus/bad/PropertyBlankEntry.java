package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a blank properties entry. */
@KafkaMessage(
    topic = "orders",
    properties = {
      "max.request.size=2097152",
      "  " // error: courier.property.syntax
    })
public record PropertyBlankEntry(String id) {}

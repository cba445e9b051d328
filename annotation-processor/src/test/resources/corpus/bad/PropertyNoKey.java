package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a properties entry with no key. */
@KafkaMessage(
    topic = "orders",
    properties = {
      "=1048576" // error: courier.property.syntax
    })
public record PropertyNoKey(String id) {}

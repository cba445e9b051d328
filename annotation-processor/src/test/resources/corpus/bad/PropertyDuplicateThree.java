package corpus;

import dev.courier.KafkaMessage;

/** Bad input: the same key three times. */
@KafkaMessage(
    topic = "orders",
    properties = {
      "max.block.ms=1000",
      "max.block.ms=1000", // error: courier.property.duplicate
      "max.block.ms=2000" // error: courier.property.duplicate
    })
public record PropertyDuplicateThree(String id) {}

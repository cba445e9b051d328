package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a properties entry that sets compression.type. */
@KafkaMessage(
    topic = "orders",
    properties = {
      "compression.type=brotli" // error: courier.property.attribute
    })
public record PropertyCoversCompression(String id) {}

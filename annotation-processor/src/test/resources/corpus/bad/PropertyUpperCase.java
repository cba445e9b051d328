package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a key in the wrong case. */
@KafkaMessage(
    topic = "orders",
    properties = {
      "MAX.BLOCK.MS=1000" // error: courier.unknown-key
    })
public record PropertyUpperCase(String id) {}

package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a number key below its range. */
@KafkaMessage(
    topic = "orders",
    properties = {
      "max.block.ms=5",
      "receive.buffer.bytes=-5" // error: courier.invalid-value
    })
public record PropertyOutOfRange(String id) {}

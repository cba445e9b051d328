package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a misspelt key. */
@KafkaMessage(
    topic = "orders",
    properties = {
      "max.request.sise=2097152" // error: courier.unknown-key
    })
public record PropertyMisspelt(String id) {}

package corpus;

import dev.courier.KafkaMessage;

/** Bad input: an enum-like key with a value Kafka does not accept. */
@KafkaMessage(
    topic = "orders",
    properties = {
      "metadata.recovery.strategy=sometimes" // error: courier.invalid-value
    })
public record PropertyEmptyListValue(String id) {}

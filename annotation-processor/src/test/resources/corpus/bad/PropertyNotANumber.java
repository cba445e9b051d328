package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a number key with a text value. */
@KafkaMessage(
    topic = "orders",
    properties = {
      "max.request.size=two megabytes" // error: courier.invalid-value
    })
public record PropertyNotANumber(String id) {}

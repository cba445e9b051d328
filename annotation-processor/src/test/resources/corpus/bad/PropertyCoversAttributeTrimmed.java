package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a properties entry that sets linger.ms (with spaces around it). */
@KafkaMessage(
    topic = "orders",
    properties = {" linger.ms = 5 "}) // error: courier.property.attribute
public record PropertyCoversAttributeTrimmed(String id) {}

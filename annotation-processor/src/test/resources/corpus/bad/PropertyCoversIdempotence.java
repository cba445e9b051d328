package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a properties entry that sets enable.idempotence. */
@KafkaMessage(
    topic = "orders",
    properties = "enable.idempotence=false") // error: courier.property.attribute
public record PropertyCoversIdempotence(String id) {}

package corpus;

import dev.courier.KafkaMessage;
import org.apache.kafka.common.serialization.StringSerializer;

/** Bad input: a properties entry that sets value.serializer. */
@KafkaMessage(
    topic = "orders",
    properties = {
      "value.serializer=org.apache.kafka.common.serialization.StringSerializer" // error: courier.property.attribute
    })
public record PropertyCoversSerializer(String id) {}

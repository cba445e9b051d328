package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a hand-written class already has the name of the generated producer. */
@KafkaMessage(topic = "orders") // error: courier.name-clash
public record ClashWithProducer(String id) {}

final class ClashWithProducerProducer {}

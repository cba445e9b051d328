package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a record with a bounded type parameter. */
@KafkaMessage(topic = "amounts") // error: courier.type.generic
public record GenericBoundedRecord<N extends Number & Comparable<N>>(String id, N amount) {}

package corpus;

import dev.courier.KafkaMessage;

/** Bad input: an annotation type. */
@KafkaMessage(topic = "marks") // error: courier.type.kind
public @interface AnnotationTypeMessage {}

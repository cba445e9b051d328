package corpus;

import dev.courier.KafkaMessage;

/** Bad input: an enum. */
@KafkaMessage(topic = "colors") // error: courier.type.kind
public enum EnumMessage { RED, GREEN }

package corpus;

import dev.courier.KafkaMessage;

// message: which is an interface
@KafkaMessage(topic = "orders") // error: courier.type.kind
public interface InterfaceMessage {}

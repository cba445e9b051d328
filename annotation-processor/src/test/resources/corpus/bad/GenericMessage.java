package corpus;

import dev.courier.KafkaMessage;

// message: declares type parameters <T>
@KafkaMessage(topic = "orders") // error: courier.type.generic
public class GenericMessage<T> {
  T value;
}

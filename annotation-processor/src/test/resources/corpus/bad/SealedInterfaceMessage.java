package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a sealed interface with record implementations. */
@KafkaMessage(topic = "shapes") // error: courier.type.kind
public sealed interface SealedInterfaceMessage permits SealedInterfaceMessage.Circle {
  /** A circle. */
  record Circle(double radius) implements SealedInterfaceMessage {}
}

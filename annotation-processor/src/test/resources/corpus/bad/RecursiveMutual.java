package corpus;

import dev.courier.KafkaMessage;
import java.util.Optional;

/** Bad input: A contains B contains A (through an Optional). */
@KafkaMessage(topic = "corpus")
public record RecursiveMutual(
    String id,
    RecursiveMutual.Node node) { // error: courier.member.type
  /** Refers back to the message. */
  public record Node(String name, Optional<RecursiveMutual> parent) {}
}

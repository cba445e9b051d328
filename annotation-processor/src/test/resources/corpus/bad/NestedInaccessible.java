package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a member reaches a package-private type of another package (java.util). */
@KafkaMessage(topic = "corpus")
public record NestedInaccessible(
    String id,
    NestedInaccessible.Hidden hidden) { // error: courier.member.access
  private record Hidden(String name) {}
}

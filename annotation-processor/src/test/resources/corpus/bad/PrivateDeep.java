package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a public record nested in a private class. */
public class PrivateDeep {
  private static final class Hidden {
    /** Public, but its enclosing class is private. */
    @KafkaMessage(topic = "hidden") // error: courier.type.access
    public record Message(String id) {}
  }
}

package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a nested class has a private field without a getter. */
@KafkaMessage(topic = "corpus")
public record NestedUnreadable(
    String id,
    NestedUnreadable.Part part) { // error: courier.member.unreadable
  /** Its secret cannot be read. */
  public static final class Part {
    private String secret;

    public void setSecret(String secret) {
      this.secret = secret;
    }
  }
}

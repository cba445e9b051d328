package corpus;

import dev.courier.KafkaMessage;

/** Bad input: the only getter is static. */
@KafkaMessage(topic = "corpus")
public class StaticGetter {
  private static final StaticGetter LAST = new StaticGetter();
  private String id; // error: courier.member.unreadable

  public static String getId() {
    return LAST.id;
  }

  public void setId(String id) {
    this.id = id;
  }
}

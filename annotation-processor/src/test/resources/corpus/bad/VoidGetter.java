package corpus;

import dev.courier.KafkaMessage;

/** Bad input: the only getter returns void. */
@KafkaMessage(topic = "corpus")
public class VoidGetter {
  private String id; // error: courier.member.unreadable

  public void getId() {}

  public void setId(String id) {
    this.id = id;
  }
}

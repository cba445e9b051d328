package corpus;

import dev.courier.KafkaMessage;

/** Bad input: the getter is private. */
@KafkaMessage(topic = "corpus")
public class PrivateGetter {
  private String id; // error: courier.member.unreadable

  private String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = getId() == null ? id : id;
  }
}

package corpus;

import dev.courier.KafkaMessage;

/** Bad input: the getter returns another type than the field. */
@KafkaMessage(topic = "corpus")
public class GetterOfOtherType {
  private long id; // error: courier.member.unreadable

  public String getId() {
    return Long.toString(id);
  }

  public void setId(long id) {
    this.id = id;
  }
}

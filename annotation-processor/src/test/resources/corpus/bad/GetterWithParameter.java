package corpus;

import dev.courier.KafkaMessage;

/** Bad input: the only getter takes a parameter, so it is no getter. */
@KafkaMessage(topic = "corpus")
public class GetterWithParameter {
  private String id; // error: courier.member.unreadable

  public String getId(int version) {
    return id + version;
  }

  public void setId(String id) {
    this.id = id;
  }
}

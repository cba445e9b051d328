package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a member of a non-static inner class type. */
@KafkaMessage(topic = "corpus")
public class MemberInnerClass {
  public String id;
  public Part part; // error: courier.member.type

  /** Inner: needs an enclosing instance. */
  public class Part {
    public String name;
  }
}

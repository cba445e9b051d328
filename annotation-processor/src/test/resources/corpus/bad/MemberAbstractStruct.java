package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a member of a user-defined abstract class. */
@KafkaMessage(topic = "corpus")
public record MemberAbstractStruct(
    String id,
    MemberAbstractStruct.Shape shape) { // error: courier.member.type
  /** Abstract. */
  public abstract static class Shape {
    public double area;
  }
}

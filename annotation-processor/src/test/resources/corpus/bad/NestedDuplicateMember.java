package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a nested class hides a field of its superclass. */
@KafkaMessage(topic = "corpus")
public record NestedDuplicateMember(
    String id,
    NestedDuplicateMember.Child child) { // error: courier.member.duplicate
  /** The base. */
  public static class Base {
    public String name;
  }

  /** Hides Base.name. */
  public static class Child extends Base {
    public String name;
  }
}

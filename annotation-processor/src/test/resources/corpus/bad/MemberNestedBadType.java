package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a nested record has a member of an unsupported type. */
@KafkaMessage(topic = "corpus")
public record MemberNestedBadType(
    String id,
    MemberNestedBadType.Line line) { // error: courier.member.type
  /** A line with an unsupported member. */
  public record Line(String sku, Thread worker) {}
}

package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a member of a generic record type. */
@KafkaMessage(topic = "corpus")
public record MemberGenericStruct(
    String id,
    MemberGenericStruct.Box<String> box) { // error: courier.member.type
  /** A generic box. */
  public record Box<T>(T value) {}
}

package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a class with a member of its own type. */
@KafkaMessage(topic = "corpus")
public class RecursiveSelf {
  public String name;
  public RecursiveSelf next; // error: courier.member.type
}

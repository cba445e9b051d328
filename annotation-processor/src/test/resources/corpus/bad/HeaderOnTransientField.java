package corpus;

import dev.courier.Header;
import dev.courier.KafkaMessage;

/** Bad input: @Header on a transient field: it is not a member of the message. */
@KafkaMessage(topic = "corpus")
public class HeaderOnTransientField {
  public String id;

  @Header("trace") // error: courier.member.ignored
  public transient String trace;
}

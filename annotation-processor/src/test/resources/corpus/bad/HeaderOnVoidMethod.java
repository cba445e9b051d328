package corpus;

import dev.courier.Header;
import dev.courier.KafkaMessage;

/** Bad input: @Header on a void method. */
@KafkaMessage(topic = "corpus")
public record HeaderOnVoidMethod(String id) {
  @Header("trace") // error: courier.member.derived
  public void trace() {}
}

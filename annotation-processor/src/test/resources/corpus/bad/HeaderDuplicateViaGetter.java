package corpus;

import dev.courier.Header;
import dev.courier.KafkaMessage;

/** Bad input: two members send the same header, one through its getter. */
@KafkaMessage(topic = "corpus")
public class HeaderDuplicateViaGetter {
  @Header("trace")
  public String first;

  String second;

  @Header("trace") // error: courier.header.duplicate
  public String getSecond() {
    return second;
  }

  public void setSecond(String second) {
    this.second = second;
  }
}

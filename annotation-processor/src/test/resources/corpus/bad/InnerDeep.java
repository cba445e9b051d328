package corpus;

import dev.courier.KafkaMessage;

/** Bad input: an inner (non-static) class nested in a static nested class. */
public class InnerDeep {
  /** Static. */
  public static class Middle {
    /** Inner: needs an instance of Middle. */
    @KafkaMessage(topic = "deep") // error: courier.type.nesting
    public class Message {
      public String id;
    }
  }
}

package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

/** Valid odd construct: a message type four levels deep, in static nested classes, records and an interface. */
public final class DeeplyNested {
  private DeeplyNested() {}

  /** Level 2. */
  public static final class Level2 {
    private Level2() {}

    /** Level 3: an interface, whose members are implicitly public and static. */
    public interface Level3 {
      /**
       * Level 4: the message.
       *
       * @param id the key
       * @param inner a member of a type nested as deep
       */
      @KafkaMessage(topic = "deep")
      record Message(@PartitionKey long id, Level3.Inner inner) {}

      /**
       * A member type.
       *
       * @param text a text
       */
      record Inner(String text) {}
    }
  }
}

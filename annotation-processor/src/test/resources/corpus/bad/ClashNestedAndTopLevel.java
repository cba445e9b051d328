package corpus;

import dev.courier.KafkaMessage;

/** Bad input: Outer.Inner and Outer_Inner map to the same generated names. */
// generates: ClashNestedAndTopLevel_Inner
public class ClashNestedAndTopLevel {
  /** Generated as ClashNestedAndTopLevel_InnerProducer. */
  @KafkaMessage(topic = "a")
  public record Inner(String id) {}
}

@KafkaMessage(topic = "b") // error: courier.name-clash
record ClashNestedAndTopLevel_Inner(String id) {}

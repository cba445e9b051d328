package corpus;

import dev.courier.KafkaMessage;
import dev.courier.SendMode;

/**
 * Valid odd construct: two message types in one file, one nested in the other.
 *
 * @param id an id
 */
@KafkaMessage(topic = "first", sendMode = SendMode.SYNC)
public record TwoInOneFile(String id) {
  /**
   * Nested message.
   *
   * @param id an id
   */
  @KafkaMessage(topic = "second", sendMode = SendMode.FIRE_AND_FORGET)
  public record Nested(String id) {}
}


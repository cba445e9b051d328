package corpus;

import dev.courier.KafkaMessage;

/**
 * Valid odd construct: a topic of exactly 249 characters (Kafka's limit), of every legal character class but '_'.
 *
 * @param id an id
 */
@KafkaMessage(topic = LongestTopic.TOPIC_249)
public record LongestTopic(String id) {
  private static final String TEN = "aZ0.-bY9-c";
  private static final String FIFTY = TEN + TEN + TEN + TEN + TEN;

  /** 249 characters. */
  static final String TOPIC_249 = FIFTY + FIFTY + FIFTY + FIFTY + "0123456789" + TEN + TEN + TEN + "123456789";
}

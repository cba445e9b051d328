package corpus;

import dev.courier.KafkaMessage;

/** Bad input: a topic of 250 characters (the limit is 249), given through a constant of another type. */
@KafkaMessage(
    topic = TopicTooLongNames.TOPIC_250) // error: courier.topic
public record TopicTooLong(String id) {}

final class TopicTooLongNames {
  static final String TEN = "abcdefghij";
  static final String FIFTY = TEN + TEN + TEN + TEN + TEN;
  static final String TOPIC_250 = FIFTY + FIFTY + FIFTY + FIFTY + FIFTY;

  private TopicTooLongNames() {}
}

package corpus;

import dev.courier.KafkaMessage;

public final class Twin {
  @KafkaMessage(topic = "a")
  public static class Inner {
    String id;
  }
}

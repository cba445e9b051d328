package corpus;

import dev.courier.KafkaMessage;

// message: reaches corpus.PrivateNested.Line
@KafkaMessage(topic = "orders")
public class PrivateNested {
  String id;
  Line line; // error: courier.member.access
  private static class Line {
    String sku;
  }
}

package corpus;

import dev.courier.KafkaMessage;
import java.io.File;

// message: Member 'attachment' of corpus.UnsupportedType has type java.io.File, which Courier's JSON codec cannot handle: java.io.File is a JDK type that Courier has no JSON form for
@KafkaMessage(topic = "orders")
public class UnsupportedType {
  String id;
  File attachment; // error: courier.member.type
}

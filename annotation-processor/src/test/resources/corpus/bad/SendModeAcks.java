package corpus;

import dev.courier.Acks;
import dev.courier.KafkaMessage;
import dev.courier.SendMode;

// message: sendMode SYNC (fixed by @KafkaMessage(sendMode) on corpus.SendModeAcks) returns the record's offset
@KafkaMessage(
    topic = "orders",
    sendMode = SendMode.SYNC,
    idempotence = false,
    acks = Acks.NONE) // error: courier.send-mode.acks
public class SendModeAcks {
  String id;
}

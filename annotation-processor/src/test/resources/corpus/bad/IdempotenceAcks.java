package corpus;

import dev.courier.Acks;
import dev.courier.KafkaMessage;

// message: enable.idempotence=true (fixed by @KafkaMessage(idempotence) on corpus.IdempotenceAcks) needs acks=all, but acks=1 (fixed by @KafkaMessage(acks) on corpus.IdempotenceAcks)
@KafkaMessage(
    topic = "orders",
    acks = Acks.LEADER, // error: courier.idempotence.acks
    idempotence = true)
public class IdempotenceAcks {
  String id;
}

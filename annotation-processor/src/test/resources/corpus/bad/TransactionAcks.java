package corpus;

import dev.courier.Acks;
import dev.courier.KafkaMessage;

// message: needs acks=all, but acks=1
@KafkaMessage(
    topic = "orders",
    transactionalId = "orders-tx",
    acks = Acks.LEADER) // error: courier.transaction.acks
public class TransactionAcks {
  String id;
}

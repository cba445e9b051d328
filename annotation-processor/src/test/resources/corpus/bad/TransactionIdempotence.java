package corpus;

import dev.courier.KafkaMessage;

// message: transactional.id=orders-tx
@KafkaMessage(
    topic = "orders",
    transactionalId = "orders-tx",
    idempotence = false) // error: courier.transaction.idempotence
public class TransactionIdempotence {
  String id;
}

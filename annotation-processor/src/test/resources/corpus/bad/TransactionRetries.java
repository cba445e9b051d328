package corpus;

import dev.courier.KafkaMessage;

// message: transactional.id=orders-tx (fixed by @KafkaMessage(transactionalId) on corpus.TransactionRetries) needs retries > 0
@KafkaMessage(
    topic = "orders",
    transactionalId = "orders-tx",
    retries = 0) // error: courier.transaction.retries
public class TransactionRetries {
  String id;
}

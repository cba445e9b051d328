package corpus;

import dev.courier.KafkaMessage;

/** Bad input: transactions with retries=0 and idempotence left at its default. */
@KafkaMessage(
    topic = "orders",
    transactionalId = "tx",
    retries = 0) // error: courier.transaction.retries
public record TransactionRetriesZero(String id) {}

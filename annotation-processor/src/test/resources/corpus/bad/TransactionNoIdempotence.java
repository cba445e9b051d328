package corpus;

import dev.courier.KafkaMessage;

/** Bad input: transactions with idempotence off. */
@KafkaMessage(
    topic = "orders",
    transactionalId = "tx",
    idempotence = false) // error: courier.transaction.idempotence
public record TransactionNoIdempotence(String id) {}

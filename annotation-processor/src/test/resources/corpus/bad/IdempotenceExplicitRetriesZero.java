package corpus;

import dev.courier.KafkaMessage;

/** Bad input: idempotence fixed explicitly with retries=0. */
@KafkaMessage(
    topic = "orders",
    idempotence = true,
    retries = 0) // error: courier.idempotence.retries
public record IdempotenceExplicitRetriesZero(String id) {}

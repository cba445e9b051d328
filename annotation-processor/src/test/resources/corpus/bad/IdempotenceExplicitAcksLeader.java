package corpus;

import dev.courier.Acks;
import dev.courier.KafkaMessage;

/** Bad input: idempotence fixed explicitly with acks=1. */
@KafkaMessage(
    topic = "orders",
    idempotence = true,
    acks = Acks.LEADER) // error: courier.idempotence.acks
public record IdempotenceExplicitAcksLeader(String id) {}

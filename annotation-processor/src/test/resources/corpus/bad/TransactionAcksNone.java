package corpus;

import dev.courier.Acks;
import dev.courier.KafkaMessage;
import dev.courier.SendMode;

/** Bad input: a transactional FIRE_AND_FORGET type with acks=0. */
@KafkaMessage(
    topic = "orders",
    sendMode = SendMode.FIRE_AND_FORGET,
    transactionalId = "orders-tx",
    acks = Acks.NONE) // error: courier.transaction.acks
public record TransactionAcksNone(String id) {}

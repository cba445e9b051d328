package corpus;

import dev.courier.Acks;
import dev.courier.KafkaMessage;
import dev.courier.SendMode;

/** Bad input: ASYNC with acks=0 and idempotence off. */
@KafkaMessage(
    topic = "orders",
    idempotence = false,
    sendMode = SendMode.ASYNC,
    acks = Acks.NONE) // error: courier.send-mode.acks
public record AsyncAcksNone(String id) {}

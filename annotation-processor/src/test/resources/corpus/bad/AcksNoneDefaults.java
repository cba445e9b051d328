package corpus;

import dev.courier.Acks;
import dev.courier.KafkaMessage;

/** Bad input: acks=0 with the defaults (idempotence on, ASYNC). */
@KafkaMessage(
    topic = "orders",
    acks = Acks.NONE) // error: courier.send-mode.acks
public record AcksNoneDefaults(String id) {}

package corpus;

import dev.courier.KafkaMessage;

/** Bad input: bufferMemory=-2. */
@KafkaMessage(
    topic = "orders",
    bufferMemory = -2L) // error: courier.invalid-value
public record BufferMemoryNegative(String id) {}

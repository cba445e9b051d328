package corpus;

import dev.courier.KafkaMessage;

/** Bad input: batchSize > bufferMemory, both fixed. */
@KafkaMessage(
    topic = "orders",
    bufferMemory = 1000000L,
    batchSize = 2000000) // error: courier.batch-size.buffer-memory
public record BatchLargerThanBuffer(String id) {}

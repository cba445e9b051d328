package corpus;

import dev.courier.KafkaMessage;

// message: batch.size=2000000
@KafkaMessage(
    topic = "orders",
    batchSize = 2000000, // error: courier.batch-size.buffer-memory
    bufferMemory = 1000000)
public class BatchBuffer {
  String id;
}

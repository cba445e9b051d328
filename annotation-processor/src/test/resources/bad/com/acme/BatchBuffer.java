package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(
    topic = "orders",
    batchSize = 2000000,
    bufferMemory = 1000000)
public class BatchBuffer {
  String id;
}

package com.acme;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import org.apache.kafka.common.serialization.Serializer;

@KafkaMessage(
    topic = "orders",
    keySerializer = AbstractSerializer.KeyWriter.class)
public class AbstractSerializer {
  @PartitionKey String id;
  public abstract static class KeyWriter implements Serializer<String> {}
}

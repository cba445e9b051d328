/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.examples.orders.Channel;
import dev.courier.examples.orders.OrderPlaced;
import dev.courier.examples.orders.OrderPlacedAsync;
import dev.courier.examples.orders.OrderPlacedAsyncProducer;
import dev.courier.examples.orders.OrderPlacedFireAndForget;
import dev.courier.examples.orders.OrderPlacedFireAndForgetProducer;
import dev.courier.examples.orders.OrderPlacedProducer;
import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.TopicReader;
import dev.courier.runtime.SharedProducers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * On a real broker: types of each send mode on one shared producer, with one I/O thread between them, and every
 * record where a producer of its own would have put it.
 */
class SharedProducersIT {

  private static final Instant AT = Instant.parse("2026-12-07T10:15:30Z");
  private static final int PER_TYPE = 50;

  @Test
  void typesOfEachSendModeShareOneProducerAndItsIoThread() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      kafka.createTopic("orders", 6);
      // The fire-and-forget example fixes batching and compression; given the same, the three types agree.
      Map<String, Object> properties = new HashMap<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
          "linger.ms", "20", "batch.size", "65536", "compression.type", "lz4"));
      long threadsBefore = ioThreads();
      Map<String, Integer> partitions = new HashMap<>();
      try (SharedProducers producers = SharedProducers.create(properties);
          OrderPlacedProducer sync = OrderPlacedProducer.create(producers);
          OrderPlacedAsyncProducer async = OrderPlacedAsyncProducer.create(producers);
          OrderPlacedFireAndForgetProducer fire = OrderPlacedFireAndForgetProducer.create(producers)) {
        assertThat(producers.groups()).hasSize(1);
        assertThat(ioThreads() - threadsBefore).as("I/O threads of the shared producers").isEqualTo(1);
        CompletableFuture<?>[] pending = new CompletableFuture<?>[PER_TYPE];
        for (int i = 0; i < PER_TYPE; i++) {
          RecordMetadata stored = sync.send(new OrderPlaced("s-" + i, "c", Channel.WEB, List.of(), null, i, "EUR",
              "t", AT));
          partitions.put("s-" + i, stored.partition());
          String key = "a-" + i;
          pending[i] = async.send(new OrderPlacedAsync(key, "c", Channel.WEB, List.of(), null, i, "EUR", "t", AT))
              .thenAccept(metadata -> partitions.put(key, metadata.partition()));
          fire.send(new OrderPlacedFireAndForget("f-" + i, "c", Channel.WEB, List.of(), null, i, "EUR", "t", AT));
        }
        CompletableFuture.allOf(pending).get();
        fire.flush();
      }
      assertThat(ioThreads()).as("closed with the last user").isEqualTo(threadsBefore);

      List<ConsumerRecord<byte[], byte[]>> records =
          TopicReader.readExactly(kafka.bootstrapServers(), "orders", 3 * PER_TYPE, Duration.ofSeconds(60));
      Map<String, Integer> own = new HashMap<>();
      try (OrderPlacedProducer alone = OrderPlacedProducer.create(Map.of("bootstrap.servers",
          kafka.bootstrapServers()))) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
          String key = new String(record.key(), StandardCharsets.UTF_8);
          own.put(key, alone.send(new OrderPlaced(key, "c", Channel.WEB, List.of(), null, 0, "EUR", "t", AT))
              .partition());
          if (partitions.containsKey(key)) {
            assertThat(record.partition()).as("%s where send said", key).isEqualTo(partitions.get(key));
          }
          assertThat(record.timestamp()).isEqualTo(AT.toEpochMilli());
        }
      }
      assertThat(records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
          .doesNotHaveDuplicates().hasSize(3 * PER_TYPE);
      for (ConsumerRecord<byte[], byte[]> record : records) {
        assertThat(record.partition()).as("the partition a producer of its own chooses")
            .isEqualTo(own.get(new String(record.key(), StandardCharsets.UTF_8)));
      }
    }
  }

  private static long ioThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("kafka-producer-network-thread")).count();
  }
}

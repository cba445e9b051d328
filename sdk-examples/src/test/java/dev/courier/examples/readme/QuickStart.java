/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.readme;

import dev.courier.runtime.SharedProducers;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;

/** The README's quick start, compiled with the module's tests and run by {@code QuickStartIT}, so it stays true. */
final class QuickStart {
  private QuickStart() {}

  static RecordMetadata send(String bootstrapServers) {
    try (OrderPlacedProducer producer = OrderPlacedProducer.create(Map.of("bootstrap.servers", bootstrapServers))) {
      RecordMetadata stored = producer.send(new OrderPlaced("o-1", 5895, "trace-1", Instant.now()));
      System.out.println("stored in partition " + stored.partition() + " at offset " + stored.offset());
      return stored;
    }
  }

  /** The README's many-types start: two types on one shared producer. */
  static CompletableFuture<RecordMetadata> sendBoth(String bootstrapServers) {
    try (SharedProducers producers = SharedProducers.create(Map.of("bootstrap.servers", bootstrapServers));
        OrderPlacedProducer orders = OrderPlacedProducer.create(producers);
        OrderShippedProducer shipments = OrderShippedProducer.create(producers)) {
      orders.send(new OrderPlaced("o-1", 5895, "trace-1", Instant.now()));
      CompletableFuture<RecordMetadata> shipped = shipments.send(new OrderShipped("o-1", "DHL"));
      System.out.println(producers.describe()); // which types share which producer, and why
      return shipped;
    }
  }
}

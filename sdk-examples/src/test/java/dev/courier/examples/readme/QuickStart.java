/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.readme;

import java.time.Instant;
import java.util.Map;
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
}

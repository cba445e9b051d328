/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.many;

import dev.courier.runtime.SharedProducers;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;

/**
 * What the generated driver of {@link ManyTypesBenchmark} implements: for each of its message types, a sender in each
 * of the three ways an application can send them. The driver is written and compiled by the benchmark, next to the
 * types, so that the hot path calls each generated producer directly.
 */
public interface Senders {
  /**
   * One message type's sender.
   */
  interface Sender {
    /**
     * Sends the type's message number {@code index} (modulo its prepared messages).
     *
     * @param index which message
     * @param callback completion
     */
    void send(int index, Callback callback);

    /** Flushes the sender's producer. */
    void flush();

    /** Closes the sender's producer, if it has one of its own. */
    void close();
  }

  /**
   * A producer per type: each type's generated {@code create(Map)}.
   *
   * @param runtimeProperties bootstrap servers and the like
   * @return one sender per type
   */
  List<Sender> perType(Map<String, ?> runtimeProperties);

  /**
   * The generated {@code create(SharedProducers)} of each type.
   *
   * @param shared the shared producers
   * @return one sender per type
   */
  List<Sender> shared(SharedProducers shared);

  /**
   * One hand-written producer of bytes: each type's generated serializer, then {@code send}.
   *
   * @param producer the producer
   * @return one sender per type
   */
  List<Sender> handWritten(Producer<byte[], byte[]> producer);
}

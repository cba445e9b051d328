/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier;

/**
 * How a generated producer's {@code send} method hands a message to Kafka, and what it returns.
 *
 * <p>The send mode fixes the signature of {@code send} in the generated {@code TProducer}, so the caller's code
 * shows at a glance whether it waits for the broker.
 */
public enum SendMode {
  /**
   * {@code void send(T)}: hands the record to the producer and returns at once. A failure is never thrown to
   * the caller; it goes to the producer's error handler (by default: logged with the topic and key).
   */
  FIRE_AND_FORGET,
  /**
   * {@code RecordMetadata send(T)}: blocks until the broker acknowledges the record, and throws an unchecked
   * exception carrying the cause when it is not. Needs {@code acks} other than {@link Acks#NONE}.
   */
  SYNC,
  /**
   * {@code CompletableFuture<RecordMetadata> send(T)} and a callback form: never blocks on the broker, completes
   * with the record's metadata or exceptionally. Needs {@code acks} other than {@link Acks#NONE}.
   */
  ASYNC;

  /**
   * Whether the caller of this send mode learns the offset the broker assigned, which needs an acknowledgement.
   *
   * @return {@code true} for {@link #SYNC} and {@link #ASYNC}
   */
  public boolean returnsMetadata() {
    return this != FIRE_AND_FORGET;
  }
}

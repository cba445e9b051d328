/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import java.time.Duration;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Runs work inside one Kafka transaction, with the error handling Kafka documents for transactional producers:
 * begin, run the work, commit; when the work throws or Kafka reports an abortable error, abort and throw; when
 * Kafka reports a fatal error ({@link ProducerFencedException}, {@link OutOfOrderSequenceException},
 * {@link AuthorizationException}, {@link UnsupportedVersionException}), do not abort (Kafka forbids it) and throw
 * a fatal {@link TransactionFailedException}: the producer must be closed.
 */
public final class Transactions {

  private Transactions() {}

  /**
   * Prepares a new producer for transactions, as a generated {@code create} does: calls {@code initTransactions()},
   * and when that fails (the broker cannot be reached within {@code max.block.ms}, the id is not authorized, ...),
   * closes the producer, which nothing else holds yet, so that its I/O thread does not outlive the failure.
   *
   * @param producer a producer just created
   * @throws org.apache.kafka.common.KafkaException what {@code initTransactions()} threw
   */
  public static void init(Producer<?, ?> producer) {
    try {
      producer.initTransactions();
    } catch (RuntimeException | Error e) {
      try {
        producer.close(Duration.ZERO);
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Runs {@code work} in a transaction and commits it.
   *
   * @param producer a producer on which {@code initTransactions()} has been called
   * @param name what the producer is, for messages (for example {@code "OrderPlacedProducer (topic orders)"})
   * @param work the sends of the transaction; it runs on the calling thread
   * @throws TransactionFailedException when the transaction was aborted or the producer failed fatally; the
   *     cause is Kafka's exception
   * @throws RuntimeException the exception {@code work} threw, after the transaction was aborted
   */
  public static void run(Producer<?, ?> producer, String name, Runnable work) {
    // The types that share a transactional producer (SharedProducers) take turns: Kafka runs one transaction at a time.
    synchronized (producer instanceof TypedProducer<?, ?> typed ? typed.transactionLock() : producer) {
      runAlone(producer, name, work);
    }
  }

  private static void runAlone(Producer<?, ?> producer, String name, Runnable work) {
    try {
      producer.beginTransaction();
    } catch (KafkaException e) {
      throw failure(name, "could not begin", e);
    }
    try {
      work.run();
    } catch (RuntimeException | Error e) {
      abort(producer, e);
      throw e;
    }
    try {
      producer.commitTransaction();
    } catch (KafkaException e) {
      TransactionFailedException failure = failure(name, "could not commit", e);
      if (!failure.isFatal()) {
        abort(producer, failure);
      }
      throw failure;
    }
  }

  private static TransactionFailedException failure(String name, String what, KafkaException e) {
    if (isFatal(e)) {
      return new TransactionFailedException(
          "A transaction of "
              + name
              + " "
              + what
              + " and the producer cannot continue: "
              + e
              + ". Close it and create a new one (a ProducerFencedException means another producer with the same"
              + " transactional.id has started).",
          true,
          e);
    }
    return new TransactionFailedException(
        "A transaction of " + name + " " + what + " and was aborted: " + e + ". None of its records will be"
            + " visible to read_committed consumers; the transaction can be retried.",
        false,
        e);
  }

  /** Whether Kafka documents the exception (or, for a producer in an error state, its cause) as fatal. */
  static boolean isFatal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProducerFencedException
          || t instanceof OutOfOrderSequenceException
          || t instanceof AuthorizationException
          || t instanceof UnsupportedVersionException) {
        return true;
      }
    }
    return false;
  }

  private static void abort(Producer<?, ?> producer, Throwable reason) {
    if (isFatal(reason)) {
      return;
    }
    try {
      producer.abortTransaction();
    } catch (RuntimeException e) {
      reason.addSuppressed(e);
    }
  }
}

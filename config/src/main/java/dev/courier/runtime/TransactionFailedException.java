/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import org.apache.kafka.common.KafkaException;

/**
 * A transaction of a generated producer that did not commit. Either it was aborted, so none of its records will
 * ever be visible to {@code read_committed} consumers and the work may be retried with the same producer
 * ({@link #isFatal()} is {@code false}); or the producer hit an error Kafka documents as fatal (it was fenced by
 * another instance with the same {@code transactional.id}, it lacks authorization, the broker does not support
 * transactions), so it must be closed and replaced ({@link #isFatal()} is {@code true}).
 */
public class TransactionFailedException extends KafkaException {
  private static final long serialVersionUID = 1L;

  /** Whether the producer must be closed and replaced. */
  private final boolean fatal;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   * @param fatal whether the producer can no longer be used
   * @param cause Kafka's exception, or the exception the transaction's work threw
   */
  public TransactionFailedException(String message, boolean fatal, Throwable cause) {
    super(message, cause);
    this.fatal = fatal;
  }

  /**
   * Whether the producer can no longer be used: close it and create a new one.
   *
   * @return {@code true} after a fatal error, {@code false} when the transaction was aborted
   */
  public boolean isFatal() {
    return fatal;
  }
}

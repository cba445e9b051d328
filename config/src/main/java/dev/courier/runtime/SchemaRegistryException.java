/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import org.apache.kafka.common.KafkaException;

/**
 * The Schema Registry refused a request, or could not be reached. The message says which registry, which subject or
 * id, what the registry answered and what to do.
 */
public final class SchemaRegistryException extends KafkaException {
  private static final long serialVersionUID = 1L;

  /** The registry's HTTP status, or 0 when it could not be reached. */
  private final int status;

  /**
   * Creates the exception.
   *
   * @param status the registry's HTTP status, 0 when it could not be reached
   * @param message what happened and what to do
   * @param cause the cause, or {@code null}
   */
  public SchemaRegistryException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /**
   * The registry's HTTP status: 409 when the schema is incompatible with the subject's latest version, 404 when a
   * subject, schema or id is not there, 401 or 403 when the credentials are refused, 0 when no registry answered.
   *
   * @return the status
   */
  public int status() {
    return status;
  }
}

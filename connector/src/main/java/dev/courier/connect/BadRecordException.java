/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

/**
 * An input record that cannot become a Kafka record: invalid encoding or syntax, a wrong column count, a record
 * too long, or a missing or mistyped member. The message is the reason only; the location (file and line, or row) is
 * added by whoever knows it.
 */
public final class BadRecordException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param reason what is wrong with the record and what would be accepted
   */
  public BadRecordException(String reason) {
    super(reason, null, false, false);
  }

  /**
   * The reason, without location.
   *
   * @return the reason
   */
  public String reason() {
    return getMessage();
  }
}

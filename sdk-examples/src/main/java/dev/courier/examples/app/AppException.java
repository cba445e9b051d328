/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.app;

/**
 * A problem an operator must fix before the application can run (a missing file, a malformed setting). The example
 * applications print its message, without a stack trace, and exit with {@link #EXIT_CODE}.
 */
public final class AppException extends RuntimeException {
  /** The exit status for a configuration or usage error (EX_CONFIG of sysexits.h). */
  public static final int EXIT_CODE = 78;

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the input, and what would be accepted
   */
  public AppException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong, naming the input, and what would be accepted
   * @param cause the underlying error
   */
  public AppException(String message, Throwable cause) {
    super(message, cause);
  }
}

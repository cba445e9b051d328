/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Holds the logger of {@link SendErrorHandler#logging()}. */
final class LoggingSendErrors {
  static final Logger LOG = LoggerFactory.getLogger("dev.courier.runtime.send");

  private LoggingSendErrors() {}
}

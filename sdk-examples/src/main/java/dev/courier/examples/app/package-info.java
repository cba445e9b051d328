/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */

/**
 * What the example applications share, as a real service would have it: {@link dev.courier.examples.app.AppConfig}
 * (Kafka producer properties from a properties file, overridden by {@code COURIER_PRODUCER_*} environment variables,
 * with errors that name the file or variable) and {@link dev.courier.examples.app.GracefulShutdown} (stop on
 * SIGTERM or Ctrl-C after the work in hand, flush and close).
 */
package dev.courier.examples.app;

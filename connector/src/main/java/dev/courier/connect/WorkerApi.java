/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.util.Map;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceTaskContext;

/**
 * What the Connect worker the plugin runs on offers of the Connect API that is newer than the oldest worker Courier
 * supports (Kafka 3.3, the first with exactly-once source support). The plugin sees the worker's {@code connect-api}
 * and {@code kafka-clients}, not the ones it was built against, so each such call is made only when the probe here
 * says the worker has it, from a small class of its own that the JVM loads only then (see {@link TaskMetrics}).
 */
final class WorkerApi {

  /** {@code SourceTaskContext.pluginMetrics()} and {@code org.apache.kafka.common.metrics.PluginMetrics}: 4.1+. */
  static final boolean PLUGIN_METRICS = hasMethod(SourceTaskContext.class, "pluginMetrics");

  /** {@code SourceConnector.alterOffsets}, called by the worker's offsets REST API (KIP-875): 3.6+. */
  static final boolean ALTER_OFFSETS = hasMethod(SourceConnector.class, "alterOffsets", Map.class, Map.class);

  private WorkerApi() {}

  static boolean hasMethod(Class<?> type, String name, Class<?>... parameters) {
    try {
      type.getMethod(name, parameters);
      return true;
    } catch (NoSuchMethodException | LinkageError e) {
      // LinkageError: the method exists but a type of its signature does not (a mixed-up class path).
      return false;
    }
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's metrics, registered with the worker through {@code SourceTaskContext.pluginMetrics()} (KIP-877), so they
 * are reported like the worker's own: over JMX as {@code kafka.connect:type=plugins,connector=<name>,task=<n>} and
 * to every configured metrics reporter. On a worker without plugin metrics (before Kafka 4.1) the values are still
 * kept, for logs, but not reported, and a warning says so.
 */
public final class TaskMetrics implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TaskMetrics.class);

  private final PluginMetrics pluginMetrics;
  private final List<MetricName> registered = new ArrayList<>();

  private TaskMetrics(PluginMetrics pluginMetrics) {
    this.pluginMetrics = pluginMetrics;
  }

  /**
   * Metrics reported through the worker's plugin metrics.
   *
   * @param supplier gives the task context's plugin metrics
   * @return the metrics
   */
  public static TaskMetrics of(java.util.function.Supplier<PluginMetrics> supplier) {
    PluginMetrics metrics;
    try {
      metrics = supplier.get();
    } catch (LinkageError | UnsupportedOperationException e) {
      LOG.warn("This Connect worker does not offer plugin metrics (Kafka 4.1 or later does); Courier's task"
          + " metrics are not reported: {}", e.toString());
      metrics = null;
    }
    return new TaskMetrics(metrics);
  }

  /**
   * Registers a counter.
   *
   * @param name the metric name, for example {@code records-read-total}
   * @param description what it counts
   * @return the counter to increment
   */
  public AtomicLong counter(String name, String description) {
    AtomicLong counter = new AtomicLong();
    gauge(name, description, counter::get);
    return counter;
  }

  /**
   * Registers a gauge.
   *
   * @param name the metric name
   * @param description what it measures
   * @param value gives the current value; called from the reporting thread, so it must be thread-safe
   */
  public void gauge(String name, String description, LongSupplier value) {
    if (pluginMetrics == null) {
      return;
    }
    MetricName metricName = pluginMetrics.metricName(name, description, new LinkedHashMap<>());
    pluginMetrics.addMetric(metricName, (Gauge<Long>) (config, now) -> value.getAsLong());
    registered.add(metricName);
  }

  /** Removes every registered metric. */
  @Override
  public void close() {
    if (pluginMetrics != null) {
      for (MetricName name : registered) {
        try {
          pluginMetrics.removeMetric(name);
        } catch (RuntimeException e) {
          LOG.debug("Could not remove metric {}", name, e);
        }
      }
    }
    registered.clear();
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task metrics registered through {@code SourceTaskContext.pluginMetrics()} (KIP-877, Kafka 4.1+). The only class of
 * the plugin that names {@link PluginMetrics}: {@link TaskMetrics} loads it only on a worker that has it.
 */
final class PluginMetricsRegistry implements TaskMetrics.Registry {

  private static final Logger LOG = LoggerFactory.getLogger(PluginMetricsRegistry.class);

  private final PluginMetrics pluginMetrics;
  private final List<MetricName> registered = new ArrayList<>();

  PluginMetricsRegistry(PluginMetrics pluginMetrics) {
    this.pluginMetrics = pluginMetrics;
  }

  /**
   * The registry of a task context.
   *
   * @param context the task's context, on a worker with plugin metrics
   * @return the registry
   * @throws UnsupportedOperationException when the context does not offer plugin metrics after all
   */
  static PluginMetricsRegistry of(SourceTaskContext context) {
    PluginMetrics metrics = context.pluginMetrics();
    if (metrics == null) {
      throw new UnsupportedOperationException("the task context has no plugin metrics");
    }
    return new PluginMetricsRegistry(metrics);
  }

  @Override
  public void add(String name, String description, LongSupplier value) {
    MetricName metricName = pluginMetrics.metricName(name, description, new LinkedHashMap<>());
    pluginMetrics.addMetric(metricName, (Gauge<Long>) (config, now) -> value.getAsLong());
    registered.add(metricName);
  }

  @Override
  public void close() {
    for (MetricName name : registered) {
      try {
        pluginMetrics.removeMetric(name);
      } catch (RuntimeException e) {
        LOG.debug("Could not remove metric {}", name, e);
      }
    }
    registered.clear();
  }
}

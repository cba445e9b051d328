/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>A task restarted or moved back to a worker before its previous instance has closed finds that instance's metrics
 * still in the worker's registry: the worker removes them only when the old instance's thread ends, and this
 * instance's plugin metrics cannot remove another's. Such a metric is kept pending and registered by {@link #retry},
 * which the task calls on each poll, once the name is free; until then the old instance's value is the one reported.
 */
final class PluginMetricsRegistry implements TaskMetrics.Registry {

  private static final Logger LOG = LoggerFactory.getLogger(PluginMetricsRegistry.class);

  private final PluginMetrics pluginMetrics;
  private final List<MetricName> registered = new ArrayList<>();
  private final Map<MetricName, Gauge<Long>> pending = new LinkedHashMap<>();

  PluginMetricsRegistry(PluginMetrics pluginMetrics) {
    this.pluginMetrics = pluginMetrics;
  }

  static PluginMetricsRegistry of(SourceTaskContext context) {
    PluginMetrics metrics = context.pluginMetrics();
    if (metrics == null) {
      throw new UnsupportedOperationException("the task context has no plugin metrics");
    }
    return new PluginMetricsRegistry(metrics);
  }

  @Override
  public synchronized void add(String name, String description, LongSupplier value) {
    MetricName metricName = pluginMetrics.metricName(name, description, new LinkedHashMap<>());
    Gauge<Long> gauge = (config, now) -> value.getAsLong();
    if (!register(metricName, gauge)) {
      if (pending.isEmpty()) {
        LOG.info("Courier task metric {} is still registered by a previous instance of this task, which has not"
            + " closed yet; this instance registers it once that one has", metricName);
      }
      pending.put(metricName, gauge);
    }
  }

  /** Registers a metric; {@code false} when the worker's registry still has one of that name. */
  private boolean register(MetricName metricName, Gauge<Long> gauge) {
    try {
      pluginMetrics.addMetric(metricName, gauge);
    } catch (IllegalArgumentException e) {
      return false;
    }
    registered.add(metricName);
    return true;
  }

  @Override
  public synchronized void retry() {
    if (!pending.isEmpty()) {
      pending.entrySet().removeIf(entry -> register(entry.getKey(), entry.getValue()));
    }
  }

  @Override
  public synchronized void close() {
    for (MetricName name : registered) {
      try {
        pluginMetrics.removeMetric(name);
      } catch (RuntimeException e) {
        LOG.debug("Could not remove metric {}", name, e);
      }
    }
    registered.clear();
    pending.clear();
  }
}

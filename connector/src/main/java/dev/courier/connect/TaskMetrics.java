/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's metrics. On a worker with plugin metrics (KIP-877, Kafka 4.1+) they are registered through
 * {@code SourceTaskContext.pluginMetrics()}, so they are reported like the worker's own: over JMX as
 * {@code kafka.connect:type=plugins,connector=<name>,task=<n>} and to every configured metrics reporter. On an older
 * worker they are registered with JMX directly under the same name, and one INFO line says so.
 *
 * <p>This class names no type newer than the oldest supported worker: {@code PluginMetrics} is named only by
 * {@link PluginMetricsRegistry}, which the JVM loads only when {@link WorkerApi#PLUGIN_METRICS} says the worker has it.
 */
public final class TaskMetrics implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TaskMetrics.class);

  /** Where the metrics are registered. */
  interface Registry {
    void add(String name, String description, LongSupplier value);

    /** Registers what could not be registered yet; nothing by default. */
    default void retry() {}

    void close();
  }

  private final Registry registry;

  TaskMetrics(Registry registry) {
    this.registry = registry;
  }

  /**
   * A task's metrics: through the worker's plugin metrics where it has them, else through JMX directly.
   *
   * @param context the task's context
   * @param connector the connector name
   * @param task the task number, as in the worker's task id
   * @return the metrics
   */
  public static TaskMetrics of(SourceTaskContext context, String connector, int task) {
    String reason = "the worker has no plugin metrics (Kafka Connect 4.1 or later has)";
    if (WorkerApi.PLUGIN_METRICS) {
      try {
        return new TaskMetrics(PluginMetricsRegistry.of(context));
      } catch (LinkageError | UnsupportedOperationException e) {
        reason = "the worker's plugin metrics cannot be used (" + e + ")";
      }
    }
    JmxMetricsRegistry jmx = new JmxMetricsRegistry(connector, Integer.toString(task));
    LOG.info("Courier task {} of connector {}: {}; its metrics are registered with JMX directly as {} and do not"
        + " reach the worker's other metrics reporters", task, connector, reason, jmx.name());
    return new TaskMetrics(jmx);
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
    registry.add(name, description, value);
  }

  /**
   * Registers the metrics whose names a previous instance of the task still held when they were added (a task
   * restarted before the old instance closed); cheap when there are none. The task calls it on each poll.
   */
  public void retryPending() {
    registry.retry();
  }

  /** Removes every registered metric. */
  @Override
  public void close() {
    registry.close();
  }
}

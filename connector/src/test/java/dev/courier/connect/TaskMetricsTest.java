/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.MetricValueProvider;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;

/**
 * Task metrics through the worker's plugin metrics, and through JMX directly where the worker has none (Kafka
 * Connect before 4.1; on such a worker the JVM never loads {@code PluginMetrics}, which the matrix test
 * {@code ConnectWorkerVersionsIT} shows on real 3.x and 4.0 workers).
 */
class TaskMetricsTest {

  private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

  @Test
  void withPluginMetricsTheWorkerGetsThem() {
    FakeTaskContext context = new FakeTaskContext(Map.of(), false);
    try (TaskMetrics metrics = TaskMetrics.of(context, "plugin-metrics", 0)) {
      metrics.counter("records-read-total", "Records read").addAndGet(4);
      assertThat(context.metrics).containsOnlyKeys("records-read-total");
      assertThat(JMX.isRegistered(JmxMetricsRegistry.objectName("plugin-metrics", "0"))).isFalse();
    }
    assertThat(context.metrics).isEmpty();
  }

  @Test
  void withoutPluginMetricsTheyAreJmxAttributesUnderThePluginMetricsNameUntilClosed() throws Exception {
    ObjectName name = new ObjectName("kafka.connect:type=plugins,connector=\"orders, 2026\",task=3");
    try (TaskMetrics metrics = TaskMetrics.of(new NoPluginMetricsContext(), "orders, 2026", 3)) {
      AtomicLong read = metrics.counter("records-read-total", "Records read from files and returned to Connect");
      metrics.gauge("bytes-behind", "Bytes not yet read", () -> 42L);
      read.addAndGet(7);

      assertThat(JMX.getAttribute(name, "records-read-total")).isEqualTo(7L);
      assertThat(JMX.getAttribute(name, "bytes-behind")).isEqualTo(42L);
      assertThat(Arrays.stream(JMX.getMBeanInfo(name).getAttributes()).map(MBeanAttributeInfo::getDescription))
          .containsExactly("Records read from files and returned to Connect", "Bytes not yet read");
    }
    assertThat(JMX.isRegistered(name)).isFalse();
  }

  @Test
  void aTaskRestartedBeforeTheOldOneClosedKeepsItsMetrics() throws Exception {
    ObjectName name = JmxMetricsRegistry.objectName("restarted", "0");
    TaskMetrics old = TaskMetrics.of(new NoPluginMetricsContext(), "restarted", 0);
    old.counter("records-read-total", "Records read").set(1);
    try (TaskMetrics current = TaskMetrics.of(new NoPluginMetricsContext(), "restarted", 0)) {
      current.counter("records-read-total", "Records read").set(2);
      old.close();
      assertThat(JMX.getAttribute(name, "records-read-total")).isEqualTo(2L);
    }
    assertThat(JMX.isRegistered(name)).isFalse();
  }

  @Test
  void aPluginMetricAPreviousInstanceStillHoldsIsRegisteredOnceThatOneCloses() {
    Map<MetricName, MetricValueProvider<?>> worker = new LinkedHashMap<>();
    PluginMetricsRegistry old = new PluginMetricsRegistry(new WorkerPluginMetrics(worker));
    old.add("records-read-total", "Records read", () -> 1L);
    PluginMetricsRegistry current = new PluginMetricsRegistry(new WorkerPluginMetrics(worker));

    current.add("records-read-total", "Records read", () -> 2L);
    current.retry();
    assertThat(value(worker)).as("the old instance's, while it has not closed").isEqualTo(1L);

    old.close();
    assertThat(worker).isEmpty();
    current.retry();
    assertThat(value(worker)).isEqualTo(2L);

    current.close();
    assertThat(worker).isEmpty();
  }

  private static Object value(Map<MetricName, MetricValueProvider<?>> worker) {
    assertThat(worker).hasSize(1);
    return ((Gauge<?>) worker.values().iterator().next()).value(null, 0);
  }

  /**
   * A task's plugin metrics over the worker's one registry, as Connect's are: adding a name the registry has fails,
   * and an instance removes only what it added.
   */
  private static final class WorkerPluginMetrics implements PluginMetrics {
    private final Map<MetricName, MetricValueProvider<?>> worker;
    private final Set<MetricName> mine = new HashSet<>();

    WorkerPluginMetrics(Map<MetricName, MetricValueProvider<?>> worker) {
      this.worker = worker;
    }

    @Override
    public MetricName metricName(String name, String description, LinkedHashMap<String, String> tags) {
      return new MetricName(name, "plugins", description, Map.of("connector", "moved", "task", "1"));
    }

    @Override
    public void addMetric(MetricName name, MetricValueProvider<?> provider) {
      if (worker.containsKey(name)) {
        throw new IllegalArgumentException("A metric named '" + name + "' already exists, can't register another"
            + " one.");
      }
      worker.put(name, provider);
      mine.add(name);
    }

    @Override
    public void removeMetric(MetricName name) {
      if (!mine.remove(name)) {
        throw new IllegalArgumentException("Unknown metric " + name);
      }
      worker.remove(name);
    }

    @Override
    public Sensor addSensor(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void removeSensor(String name) {
      throw new UnsupportedOperationException();
    }
  }

  /** A worker's context whose plugin metrics cannot be used, as a custom runtime might offer. */
  private static final class NoPluginMetricsContext implements SourceTaskContext {
    @Override
    public Map<String, String> configs() {
      return Map.of();
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
      throw new UnsupportedOperationException();
    }

    @Override
    public PluginMetrics pluginMetrics() {
      throw new UnsupportedOperationException("no plugin metrics here");
    }
  }
}

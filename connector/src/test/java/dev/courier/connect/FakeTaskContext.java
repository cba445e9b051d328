/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.MetricValueProvider;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.source.TransactionContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * A fake {@link SourceTaskContext} for unit tests: offsets live in a map that tests commit to, plugin metrics are
 * recorded, and a transaction context records the boundaries a task asks for.
 */
public final class FakeTaskContext implements SourceTaskContext {

  /** Committed offsets by partition. */
  public final Map<Map<String, Object>, Map<String, Object>> offsets = new HashMap<>();
  /** Registered metrics by name. */
  public final Map<String, MetricValueProvider<?>> metrics = new LinkedHashMap<>();
  /** Transaction boundaries requested: the record, or null for "after this batch". */
  public final List<SourceRecord> boundaries = new ArrayList<>();
  /** How many times offsets were read in bulk. */
  public int offsetReads;

  private final Map<String, String> configs;
  private final boolean connectorBoundaries;

  /**
   * Creates a context.
   *
   * @param configs the task config
   * @param connectorBoundaries whether the task gets a transaction context (transaction.boundary=connector)
   */
  public FakeTaskContext(Map<String, String> configs, boolean connectorBoundaries) {
    this.configs = configs;
    this.connectorBoundaries = connectorBoundaries;
  }

  /**
   * Stores the offsets of records as Connect would after committing them.
   *
   * @param records the committed records, in order
   */
  public void commit(List<SourceRecord> records) {
    for (SourceRecord record : records) {
      @SuppressWarnings("unchecked")
      Map<String, Object> partition = (Map<String, Object>) record.sourcePartition();
      @SuppressWarnings("unchecked")
      Map<String, Object> offset = (Map<String, Object>) record.sourceOffset();
      offsets.put(new HashMap<>(partition), new HashMap<>(offset));
    }
  }

  /**
   * The current value of a registered gauge.
   *
   * @param name the metric name
   * @return its value
   */
  public long metric(String name) {
    MetricValueProvider<?> provider = metrics.get(name);
    if (provider == null) {
      throw new AssertionError("no metric " + name + " in " + metrics.keySet());
    }
    return ((Number) ((Gauge<?>) provider).value(null, 0)).longValue();
  }

  @Override
  public Map<String, String> configs() {
    return configs;
  }

  @Override
  public OffsetStorageReader offsetStorageReader() {
    return new OffsetStorageReader() {
      @Override
      public <T> Map<String, Object> offset(Map<String, T> partition) {
        return offsets.get(new HashMap<String, Object>(partition));
      }

      @Override
      public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        offsetReads++;
        Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
        for (Map<String, T> partition : partitions) {
          result.put(partition, offsets.get(new HashMap<String, Object>(partition)));
        }
        return result;
      }
    };
  }

  @Override
  public TransactionContext transactionContext() {
    if (!connectorBoundaries) {
      return null;
    }
    return new TransactionContext() {
      @Override
      public void commitTransaction() {
        boundaries.add(null);
      }

      @Override
      public void commitTransaction(SourceRecord record) {
        boundaries.add(record);
      }

      @Override
      public void abortTransaction() {
        throw new AssertionError("the file source never aborts");
      }

      @Override
      public void abortTransaction(SourceRecord record) {
        throw new AssertionError("the file source never aborts");
      }
    };
  }

  @Override
  public PluginMetrics pluginMetrics() {
    return new PluginMetrics() {
      private final Metrics registry = new Metrics();

      @Override
      public MetricName metricName(String name, String description, LinkedHashMap<String, String> tags) {
        return new MetricName(name, "plugins", description, tags);
      }

      @Override
      public void addMetric(MetricName metricName, MetricValueProvider<?> provider) {
        metrics.put(metricName.name(), provider);
      }

      @Override
      public void removeMetric(MetricName metricName) {
        metrics.remove(metricName.name());
      }

      @Override
      public Sensor addSensor(String name) {
        return registry.sensor(name);
      }

      @Override
      public void removeSensor(String name) {
        registry.removeSensor(name);
      }
    };
  }

  /** A clock that moves only when told to or when a task waits on it. */
  public static final class FakeClock implements TaskClock {
    private long now;

    /**
     * Starts the clock.
     *
     * @param now the start time
     */
    public FakeClock(long now) {
      this.now = now;
    }

    /**
     * Moves the clock.
     *
     * @param millis how far
     */
    public void advance(long millis) {
      now += millis;
    }

    @Override
    public long milliseconds() {
      return now;
    }

    @Override
    public boolean await(CountDownLatch stop, long millis) {
      now += millis;
      return stop.getCount() == 0;
    }
  }
}

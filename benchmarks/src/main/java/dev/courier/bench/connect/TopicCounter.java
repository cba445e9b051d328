/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.connect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Counts the records of a topic by its end offsets (the topic is written without transactions, so the end offset is
 * the record count), and measures how fast a given number of records arrives.
 */
final class TopicCounter {
  /** How often the end offsets are read while measuring. */
  static final long POLL_MILLIS = 10;
  /** How long to watch for extra records after the expected count. */
  static final long GRACE_MILLIS = 500;

  private final Admin admin;
  private final Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();

  TopicCounter(Admin admin, String topic) {
    this.admin = admin;
    try {
      List<TopicPartitionInfo> infos = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
          .get(topic).partitions();
      for (TopicPartitionInfo info : infos) {
        partitions.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest());
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot describe topic " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  long count() {
    try {
      return admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS).values().stream()
          .mapToLong(info -> info.offset()).sum();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read end offsets of " + partitions.keySet(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Waits until {@code expected} records past {@code base} are in the topic and returns the rate from the first of
   * them to the last.
   *
   * @param base the count before the run
   * @param expected how many records the run writes
   * @param timeoutMillis how long to wait
   * @param failure checked about once a second: a non-null message ends the run as failed
   * @param cpuNanos the CPU time used so far by the process doing the work, or a negative number if unknown
   * @return records per second, and CPU time per record over the same interval
   * @throws IllegalStateException on failure, timeout, or when more than {@code expected} records arrive
   */
  Measurement measure(long base, long expected, long timeoutMillis, Supplier<String> failure, LongSupplier cpuNanos) {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    long firstSeenAt = 0;
    long firstCount = 0;
    long lastCheck = start;
    long seen = 0;
    long firstCpu = -1;
    while (true) {
      long now = System.nanoTime();
      seen = count() - base;
      if (seen > 0 && firstSeenAt == 0) {
        firstSeenAt = now;
        firstCount = seen;
        firstCpu = cpuNanos.getAsLong();
      }
      if (seen >= expected) {
        break;
      }
      if (now - lastCheck > TimeUnit.SECONDS.toNanos(1)) {
        lastCheck = now;
        String message = failure.get();
        if (message != null) {
          throw new IllegalStateException(message + " (after " + seen + " of " + expected + " records)");
        }
      }
      if (now > deadline) {
        throw new IllegalStateException("only " + seen + " of " + expected + " records arrived within "
            + timeoutMillis + " ms");
      }
      sleep(POLL_MILLIS);
    }
    long end = System.nanoTime();
    long endCpu = cpuNanos.getAsLong();
    sleep(GRACE_MILLIS);
    long total = count() - base;
    if (total != expected) {
      throw new IllegalStateException(total + " records arrived, expected exactly " + expected);
    }
    if (firstCount >= expected || end == firstSeenAt) {
      throw new IllegalStateException("every record arrived within one poll of " + POLL_MILLIS
          + " ms: too few records to measure a rate");
    }
    double cpuMicrosPerRecord = firstCpu < 0 || endCpu < 0 ? Double.NaN
        : (endCpu - firstCpu) / 1e3 / (expected - firstCount);
    return new Measurement((expected - firstCount) / ((end - firstSeenAt) / 1e9), cpuMicrosPerRecord);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * One run's result.
   *
   * @param recordsPerSecond the rate
   * @param cpuMicrosPerRecord CPU time of the working process per record, NaN if unknown
   */
  record Measurement(double recordsPerSecond, double cpuMicrosPerRecord) {
  }
}

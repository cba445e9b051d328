/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * What every Courier source task does the same way, so the file and JDBC tasks hold only their reading.
 *
 * <ul>
 *   <li>{@link #start}: the config checked as the connector's {@code validate()} checks it, parsed once, with
 *       {@code message.class} resolved once ({@link CourierSourceConnector#checkedConfig}); the connector's name,
 *       the task's {@link TaskMetrics} and its {@link BadRecords} ({@code bad-records-total}, the policy); then the
 *       source's own start ({@link #startReading}).
 *   <li>{@link #poll}: one batch read under the task's lock ({@link #read}); when it is empty, a wait the source
 *       chooses ({@link #idleWaitMs}) that {@link #stop} cuts short. A failure (a bad record under
 *       {@code bad.record.policy=fail}, or one the source {@linkplain #fail reports}) fails the next poll, after the
 *       good records read before it were returned.
 *   <li>{@link #stop}: the wait cut short, the source's resources closed under the lock ({@link #stopReading}),
 *       the metrics removed. Connect may call it from another thread while a poll runs.
 * </ul>
 *
 * @param <C> the source's typed config
 */
public abstract class CourierSourceTask<C extends CourierSourceConfig> extends SourceTask {

  private final TaskClock time;
  private final Object lock = new Object();
  private final CountDownLatch stopLatch = new CountDownLatch(1);
  private volatile boolean stopping;
  private ConnectException failure;
  private C config;
  private String connectorName;
  private TaskMetrics metrics;
  private BadRecords badRecords;

  /**
   * Creates a task on a clock.
   *
   * @param time the clock
   */
  protected CourierSourceTask(TaskClock time) {
    this.time = time;
  }

  @Override
  public final String version() {
    return CourierConnectorVersion.get();
  }

  @Override
  public final void start(Map<String, String> props) {
    config = connector().checkedConfig(props);
    connectorName = props.getOrDefault("name", defaultName());
    metrics = TaskMetrics.of(context, connectorName, taskIndex(props));
    badRecords = new BadRecords(config.badRecordHandler(connectorName), metrics.counter("bad-records-total",
        "Records that could not be read or converted (failed on, skipped or dead-lettered)"));
    startReading(props);
  }

  @Override
  public final List<SourceRecord> poll() throws InterruptedException {
    metrics.retryPending();
    ConnectException failed = failure();
    if (failed != null) {
      throw failed;
    }
    List<SourceRecord> batch;
    long wait;
    synchronized (lock) {
      if (stopping) {
        return null;
      }
      batch = read();
      wait = batch.isEmpty() ? idleWaitMs() : 0;
    }
    if (!batch.isEmpty()) {
      return batch;
    }
    failed = failure();
    if (failed != null) {
      throw failed;
    }
    time.await(stopLatch, wait);
    return null;
  }

  @Override
  public final void stop() {
    stopping = true;
    stopLatch.countDown();
    interruptReading();
    synchronized (lock) {
      stopReading();
      if (metrics != null) {
        metrics.close();
      }
    }
  }

  /**
   * The connector whose checks this task's config must pass.
   *
   * @return a connector instance (only its checks are used)
   */
  protected abstract CourierSourceConnector<C> connector();

  /**
   * The connector name used when the config has none (only in tests: Connect always sets {@code name}).
   *
   * @return the name
   */
  protected abstract String defaultName();

  /**
   * This task's number among the connector's tasks, for the metrics' {@code task} tag.
   *
   * @param props the task config
   * @return the number, from 0
   */
  protected abstract int taskIndex(Map<String, String> props);

  /**
   * Starts reading: the source's own state, metrics and log line. The config, name, metrics and bad records are
   * ready.
   *
   * @param props the task config
   */
  protected abstract void startReading(Map<String, String> props);

  /**
   * Reads one batch, under the task's lock.
   *
   * @return the records, empty when there is nothing to return now
   * @throws ConnectException when reading fails for good
   */
  protected abstract List<SourceRecord> read();

  /**
   * After an empty batch: how long to wait before the next poll may read, in milliseconds. The wait ends early on
   * {@link #stop}.
   *
   * @return the wait
   */
  protected abstract long idleWaitMs();

  /** On {@link #stop}, before taking the lock: interrupts a read that may block (by default, nothing). */
  protected void interruptReading() {}

  /** On {@link #stop}, under the lock: closes what reading holds (files, connections). */
  protected abstract void stopReading();

  /**
   * Fails the task: the next poll throws the exception.
   *
   * @param exception what to throw, saying what went wrong and what to do
   * @return the exception, for {@code throw fail(...)} where reading must stop at once
   */
  protected final ConnectException fail(ConnectException exception) {
    if (failure == null) {
      failure = exception;
    }
    return failure;
  }

  /**
   * The task's failure: the first bad record under {@code bad.record.policy=fail}, or what {@link #fail} reported.
   *
   * @return the failure, or {@code null} while the task is healthy
   */
  protected final ConnectException failure() {
    return failure != null ? failure : badRecords == null ? null : badRecords.failure();
  }

  /**
   * Whether {@link #stop} was called.
   *
   * @return whether the task is stopping
   */
  protected final boolean stopping() {
    return stopping;
  }

  /**
   * The checked config.
   *
   * @return the config
   */
  protected final C config() {
    return config;
  }

  /**
   * The connector's name.
   *
   * @return the name
   */
  protected final String connectorName() {
    return connectorName;
  }

  /**
   * The task's metrics, for the source's own counters and gauges.
   *
   * @return the metrics
   */
  protected final TaskMetrics metrics() {
    return metrics;
  }

  /**
   * The task's bad-record handling.
   *
   * @return the bad records
   */
  protected final BadRecords badRecords() {
    return badRecords;
  }

  /**
   * The task's clock.
   *
   * @return the clock
   */
  protected final TaskClock time() {
    return time;
  }
}

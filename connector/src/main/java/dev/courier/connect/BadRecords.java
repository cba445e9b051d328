/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's bad records: each is counted in {@code bad-records-total} and handled by {@code bad.record.policy}. Under
 * {@code fail} the first one becomes the task's {@link #failure()}, logged once, so the poll that met it still
 * delivers the good records before it and the next poll fails the task; the reading stops at it.
 */
public final class BadRecords {

  private static final Logger LOG = LoggerFactory.getLogger(BadRecords.class);

  private final BadRecordHandler handler;
  private final AtomicLong count;
  private ConnectException failure;

  /**
   * Creates a task's bad-record handling.
   *
   * @param handler applies the policy
   * @param count the {@code bad-records-total} counter
   */
  public BadRecords(BadRecordHandler handler, AtomicLong count) {
    this.handler = handler;
    this.count = count;
  }

  /**
   * Counts one bad record and applies the policy.
   *
   * @param bad the bad record
   * @return the dead-letter record to return from {@code poll()}; empty when it is skipped, or when the policy is
   *     {@code fail} (then {@link #failure()} is set and reading must stop)
   */
  public Optional<SourceRecord> handle(BadRecord bad) {
    count.incrementAndGet();
    if (handler.policy() == BadRecordPolicy.FAIL) {
      if (failure == null) {
        failure = handler.failure(bad);
        LOG.error(failure.getMessage());
      }
      return Optional.empty();
    }
    return handler.handle(bad);
  }

  /**
   * The failure a bad record caused under {@code bad.record.policy=fail}.
   *
   * @return the exception that fails the task, or {@code null} while no record failed
   */
  public ConnectException failure() {
    return failure;
  }
}

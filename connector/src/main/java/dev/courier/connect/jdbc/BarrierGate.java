/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, for an incrementing or timestamp source, up to which position its rows are safe to read. Once per poll
 * interval it captures the source's newest position (the largest incrementing value, or the database clock
 * truncated to the timestamp column's precision) and queues it; a queued position waits the lag, then lists the
 * transactions in flight with the source's {@link CommitBarrier}, and passes once all of those have ended, becoming
 * the source's safe position. It owns that queue's rules (at most {@value #MAX_PENDING} waiting positions, when to
 * look again, the log line when a transaction holds the gate), and nothing else: it neither opens scans nor reads
 * rows. Its state lives in each {@link TaskSource}.
 */
final class BarrierGate {

  // The task's logger, so operators keep configuring one logger for the task's messages.
  private static final Logger LOG = LoggerFactory.getLogger(JdbcSourceTask.class);
  private static final int MAX_PENDING = 1_000;

  private final JdbcSourceConnectorConfig config;
  private final Dialect dialect;
  private final JdbcMode mode;

  BarrierGate(JdbcSourceConnectorConfig config, Dialect dialect, JdbcMode mode) {
    this.config = config;
    this.dialect = dialect;
    this.mode = mode;
  }

  /**
   * Advances a source's barrier: captures its newest position when due, lists and checks in-flight transactions,
   * and moves its safe position to the newest queued position that passed.
   *
   * @return true when the safe position moved past what was scanned, so a scan up to it should open; otherwise the
   *     source's next check time is set
   */
  boolean advance(TaskSource source, Connection connection, long now) throws SQLException {
    SourceSpec spec = source.spec;
    long pollInterval = config.pollInterval().toMillis();
    if (source.nextCapture <= now) {
      capture(source, connection, now);
      source.nextCapture = now + pollInterval;
    }
    long lag = lag(spec);
    Set<String> listed = null;
    for (Pending pending : source.pending) {
      if (pending.transactions == null && now >= pending.capturedAt + lag) {
        if (spec.barrier == null) {
          pending.transactions = Set.of();
        } else {
          if (listed == null) {
            listed = spec.barrier.inFlight(connection);
          }
          pending.transactions = listed;
        }
      }
    }
    Set<String> waitingFor = new HashSet<>();
    for (Pending pending : source.pending) {
      if (pending.transactions != null) {
        waitingFor.addAll(pending.transactions);
      }
    }
    Set<String> stillRunning = waitingFor.isEmpty() ? Set.of() : spec.barrier.stillRunning(connection, waitingFor);
    Pending passed = null;
    for (Pending pending : source.pending) {
      if (pending.transactions != null && Collections.disjoint(pending.transactions, stillRunning)) {
        passed = pending;
      }
    }
    if (passed != null) {
      while (source.pending.peek() != passed) {
        source.pending.poll();
      }
      source.pending.poll();
      source.safe = passed.bound;
      source.waitingSince = -1;
    }
    if (source.safe != null && (source.scanned == null || compareBounds(source.safe, source.scanned) > 0)) {
      return true;
    }
    long next = source.nextCapture;
    long recheck = now + Math.min(pollInterval, 1000);
    for (Pending pending : source.pending) {
      next = Math.min(next, pending.transactions == null ? pending.capturedAt + lag : recheck);
      if (pending.transactions != null && !Collections.disjoint(pending.transactions, stillRunning)
          && source.waitingSince < 0) {
        source.waitingSince = now;
        LOG.info("{}: rows up to {} wait for {} in-flight transaction(s) ({}) that may still commit rows below"
            + " it", spec.display, pending.bound, pending.transactions.size(), spec.barrier.describe());
      }
    }
    source.nextCheck = Math.max(now + 1, next);
    return false;
  }

  /** Reads the newest position of a source and queues it for the barrier. */
  private void capture(TaskSource source, Connection connection, long now) throws SQLException {
    SourceSpec spec = source.spec;
    Object bound;
    if (mode.incrementingOnly()) {
      Long max = null;
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery(spec.maxIncrementingSql())) {
        if (rs.next()) {
          BigDecimal value = rs.getBigDecimal(1);
          max = value == null ? null : value.longValueExact();
        }
      } catch (ArithmeticException e) {
        throw new ConnectException("The incrementing column " + spec.incrementing.label() + " of " + spec.display
            + " holds a value beyond a signed 64-bit integer");
      }
      source.newestIncrementing = max;
      if (max == null || (source.delivered != null && max <= source.delivered.incrementing())
          || (source.lastCaptured != null && max <= (Long) source.lastCaptured)) {
        return;
      }
      bound = max;
    } else {
      boolean withZone = spec.timestamp.kind() == ColumnKind.TIMESTAMP_TZ;
      Class<? extends Temporal> type = withZone ? OffsetDateTime.class : LocalDateTime.class;
      Temporal clock;
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery(dialect.clockSql(withZone))) {
        rs.next();
        clock = truncate(rs.getObject(1, type), spec.timestampDigits());
      }
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery(spec.maxTimestampSql())) {
        Temporal newest = rs.next() ? rs.getObject(1, type) : null;
        source.newestTimestamp = newest instanceof OffsetDateTime odt ? odt.withOffsetSameInstant(ZoneOffset.UTC)
            : newest;
      }
      if (source.lastCaptured != null && compareBounds(clock, source.lastCaptured) <= 0) {
        return;
      }
      bound = clock;
    }
    if (source.pending.size() >= MAX_PENDING) {
      return; // the barrier is held by a long transaction; newer positions wait until it passes
    }
    source.pending.add(new Pending(bound, now));
    source.lastCaptured = bound;
  }

  private long lag(SourceSpec spec) {
    Duration lag = config.lag();
    if (spec.barrier != null && spec.barrier.minimumLag().compareTo(lag) > 0) {
      lag = spec.barrier.minimumLag();
    }
    return lag.toMillis();
  }

  private static int compareBounds(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    return JdbcOffsets.compareTimestamps((Temporal) a, (Temporal) b);
  }

  private static Temporal truncate(Temporal value, int digits) {
    long unit = 1;
    for (int i = digits; i < 9; i++) {
      unit *= 10;
    }
    if (value instanceof OffsetDateTime odt) {
      OffsetDateTime utc = odt.withOffsetSameInstant(ZoneOffset.UTC);
      return utc.withNano((int) (utc.getNano() - utc.getNano() % unit));
    }
    LocalDateTime ldt = (LocalDateTime) value;
    return ldt.withNano((int) (ldt.getNano() - ldt.getNano() % unit));
  }

  /** A newest position waiting for the lag and the barrier. */
  static final class Pending {
    final Object bound;
    final long capturedAt;
    Set<String> transactions;

    Pending(Object bound, long capturedAt) {
      this.bound = bound;
      this.capturedAt = capturedAt;
    }
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes relayed outbox rows ({@code mode=outbox}, {@code outbox.cleanup=delete}), and only those whose records are
 * committed in Kafka. Connect reports a record committed through {@code SourceTask.commitRecord}: with exactly-once
 * support after the transaction that holds it committed, without it once the broker acknowledged it; a record of a
 * transaction that aborts (a worker killed mid-transaction) is never reported, so its row stays and is relayed
 * again. Rows are read in id order up to the commit barrier, so a committed id means every row at or below it was
 * relayed (or handled by the bad-record policy): the cleaner deletes id ranges, in chunks, once
 * {@code outbox.retention.ms} has passed since they were committed, on a connection of its own that may write (the
 * reading connection is read-only).
 *
 * <p>{@link #committed} is called from Connect's threads, {@link #clean} from the task's. A failed delete is logged
 * and tried again on a later poll; the rows then wait, and nothing is lost or relayed twice.
 */
final class OutboxCleaner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxCleaner.class);
  /** Ids per DELETE, so that no statement holds many row locks for long. */
  private static final long CHUNK = 5_000;
  /** Committed ids closer together in time than this share one retention entry. */
  private static final long BUCKET_MS = 100;
  /** How long to wait after a failed delete. */
  private static final long RETRY_MS = 5_000;

  private final JdbcSourceConnectorConfig config;
  private final Dialect dialect;
  private final long retentionMs;
  private final Map<Map<String, ?>, Table> tables = new ConcurrentHashMap<>();
  private final AtomicLong deletedTotal;
  private Connection connection;
  private long nextAttempt;

  OutboxCleaner(JdbcSourceConnectorConfig config, Dialect dialect, AtomicLong deletedTotal) {
    this.config = config;
    this.dialect = dialect;
    this.retentionMs = config.outboxRetention().toMillis();
    this.deletedTotal = deletedTotal;
  }

  /** The rows of one outbox table: what is committed, since when, and what is deleted. */
  private static final class Table {
    final String deleteSql;
    final String minSql;
    /** (time committed, highest id committed by then), oldest first; guarded by this. */
    final Deque<long[]> committed = new ArrayDeque<>();
    /** The highest id committed; guarded by this. */
    long highest = Long.MIN_VALUE;
    /** Every row at or below this id is deleted; {@code null} until the table's lowest id is known. */
    Long deleted;

    Table(String deleteSql, String minSql) {
      this.deleteSql = deleteSql;
      this.minSql = minSql;
    }
  }

  /**
   * Makes a source's rows deletable by this cleaner.
   *
   * @param source the source, an outbox table
   */
  void track(TaskSource source) {
    SourceSpec spec = source.spec;
    String id = dialect.quote(spec.incrementing.label());
    tables.computeIfAbsent(source.partition, p -> new Table("DELETE FROM " + spec.fromSql + " WHERE " + id
        + " > ? AND " + id + " <= ?", "SELECT MIN(" + id + ") FROM " + spec.fromSql));
  }

  /**
   * Notes that the record of a row is committed in Kafka.
   *
   * @param partition the row's source partition
   * @param id the row's id
   * @param now the time
   */
  void committed(Map<String, ?> partition, long id, long now) {
    Table table = tables.get(partition);
    if (table == null) {
      return;
    }
    synchronized (table) {
      if (id <= table.highest) {
        return;
      }
      table.highest = id;
      long[] last = table.committed.peekLast();
      if (last != null && now - last[0] < BUCKET_MS) {
        last[0] = now;
        last[1] = id;
      } else {
        table.committed.addLast(new long[] {now, id});
      }
    }
  }

  /**
   * Deletes what is committed and past its retention, a few chunks per call.
   *
   * @param now the time
   */
  void clean(long now) {
    if (now < nextAttempt) {
      return;
    }
    Map<Table, Long> due = new LinkedHashMap<>();
    for (Table table : tables.values()) {
      long upTo = Long.MIN_VALUE;
      synchronized (table) {
        while (!table.committed.isEmpty() && table.committed.peekFirst()[0] + retentionMs <= now) {
          upTo = table.committed.pollFirst()[1];
        }
      }
      if (upTo != Long.MIN_VALUE && (table.deleted == null || upTo > table.deleted)) {
        due.put(table, upTo);
      }
    }
    try {
      for (Map.Entry<Table, Long> entry : due.entrySet()) {
        delete(entry.getKey(), entry.getValue());
      }
    } catch (SQLException e) {
      LOG.warn("Connector {}: deleting relayed outbox rows failed ({}); the rows stay until a later attempt",
          config.originalsStrings().getOrDefault("name", "jdbc-source"), Connections.describe(e, config));
      close();
      nextAttempt = now + RETRY_MS;
    }
  }

  private void delete(Table table, long upTo) throws SQLException {
    if (connection == null) {
      connection = Connections.openForWriting(config, dialect);
    }
    if (table.deleted == null) {
      try (PreparedStatement statement = connection.prepareStatement(table.minSql);
          ResultSet rs = statement.executeQuery()) {
        long lowest = rs.next() ? rs.getLong(1) : 0;
        table.deleted = rs.wasNull() ? upTo : lowest - 1;
      }
    }
    // What is committed but not deleted yet goes in chunks; what this call leaves waits for the next.
    for (int chunks = 0; chunks < 20 && table.deleted < upTo; chunks++) {
      long to = Math.min(upTo, table.deleted + CHUNK);
      try (PreparedStatement statement = connection.prepareStatement(table.deleteSql)) {
        statement.setLong(1, table.deleted);
        statement.setLong(2, to);
        deletedTotal.addAndGet(statement.executeUpdate());
      }
      table.deleted = to;
    }
    if (table.deleted < upTo) {
      synchronized (table) {
        table.committed.addFirst(new long[] {Long.MIN_VALUE / 2, upTo});
      }
    }
  }

  @Override
  public void close() {
    if (connection != null) {
      Connections.closeQuietly(connection);
      connection = null;
    }
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.courier.connect.BadRecord;
import dev.courier.connect.BadRecordException;
import dev.courier.connect.BadRecords;
import dev.courier.connect.TaskClock;
import dev.courier.connect.jdbc.JdbcOffsets.Position;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * One open, streaming read of one source: the bound query from the last delivered position up to the barrier's safe
 * position (or the whole table in bulk mode), in the order of the position columns. It owns turning each row into a
 * record with its offset: reading the raw column values, the row's position, the conversion and mapping, and a row
 * that cannot become a record, which goes to the bad-record policy with its position, its raw values as JSON and
 * error headers. On the dialects that stream only inside a transaction, the scan holds that read-only transaction
 * until it is closed. {@link Reading} holds what all of a task's scans share and opens them.
 */
final class TableScan {

  private static final JsonFactory JSON = new JsonFactory();
  private static final int RAW_LIMIT = 65_536;

  final TaskSource source;
  final PreparedStatement statement;
  final ResultSet rs;
  final Object bound;
  final boolean transaction;
  final long startedMillis;
  private final Reading reading;
  boolean exhausted;
  long rows;
  Position read;
  /** Set when a bad row failed the task (bad-record policy {@code fail}); the scan reads no further. */
  ConnectException failure;

  private TableScan(Reading reading, TaskSource source, PreparedStatement statement, ResultSet rs, Object bound,
      boolean transaction, long startedMillis) {
    this.reading = reading;
    this.source = source;
    this.statement = statement;
    this.rs = rs;
    this.bound = bound;
    this.transaction = transaction;
    this.startedMillis = startedMillis;
  }

  /** One row read: its record (null when skipped), its position and its approximate size. */
  record Row(SourceRecord record, Position position, long bytes) {}

  /**
   * What every scan of a task shares: its config, dialect, mode, bad-record handling, counters and clock.
   *
   * @param badRecords the task's bad-record handling (counted there)
   * @param rowsRead counts every row read
   */
  record Reading(JdbcSourceConnectorConfig config, Dialect dialect, JdbcMode mode, BadRecords badRecords,
      AtomicLong rowsRead, TaskClock time) {

    /**
     * Opens a scan of a source from its delivered position up to {@code bound}.
     *
     * @param running told the statement while its query executes (so it can be cancelled), then null
     * @return the scan; null when the source's columns changed since they were resolved (nothing is left open)
     */
    TableScan open(Connection connection, TaskSource source, Object bound, Consumer<Statement> running)
        throws SQLException {
      SourceSpec spec = source.spec;
      Position from = source.delivered;
      String sql = spec.selectSql(mode, from == null);
      boolean transaction = dialect.streamsInTransaction();
      if (transaction) {
        connection.setAutoCommit(false);
      }
      PreparedStatement statement = null;
      ResultSet rs = null;
      try {
        statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        dialect.configureStreaming(statement, config.fetchSize());
        int index = 1;
        if (mode.incrementingOnly()) {
          if (from != null) {
            statement.setLong(index++, from.incrementing());
          }
          statement.setLong(index, (Long) bound);
        } else if (mode == JdbcMode.TIMESTAMP_INCREMENTING) {
          if (from != null) {
            index = dialect.bindAfter(statement, index, from.timestamp(), from.incrementing());
          }
          statement.setObject(index, bound);
        }
        running.accept(statement);
        try {
          rs = statement.executeQuery();
        } finally {
          running.accept(null);
        }
        if (!spec.sameColumns(rs.getMetaData())) {
          Connections.closeQuietly(rs);
          Connections.closeQuietly(statement);
          if (transaction) {
            connection.commit();
            connection.setAutoCommit(true);
          }
          return null;
        }
      } catch (SQLException | RuntimeException e) {
        Connections.closeQuietly(rs);
        Connections.closeQuietly(statement);
        throw e;
      }
      return new TableScan(this, source, statement, rs, bound, transaction, time.milliseconds());
    }
  }

  /**
   * Reads the next row of the scan: null at the end (then {@link #exhausted} is set) or when a bad row failed the
   * task (then {@link #failure} is set); a row without record when it was skipped.
   */
  Row next() throws SQLException {
    if (!rs.next()) {
      exhausted = true;
      return null;
    }
    reading.rowsRead().incrementAndGet();
    JdbcSourceConnectorConfig config = reading.config();
    SourceSpec spec = source.spec;
    List<JdbcColumn> columns = spec.columns;
    Object[] raw = new Object[columns.size()];
    String problem = null;
    long bytes = 0;
    for (int i = 0; i < raw.length; i++) {
      JdbcColumn column = columns.get(i);
      try {
        raw[i] = column.readRaw(rs);
        bytes += size(raw[i]);
      } catch (SQLException e) {
        if (Connections.isTransient(e)) {
          throw e;
        }
        if (column == spec.incrementing || column == spec.timestamp) {
          throw new ConnectException("Cannot read the position column " + column.label() + " of a row of "
              + spec.display + ": " + Connections.describe(e, config));
        }
        problem = "column " + column.label() + " (" + column.describeType() + ") cannot be read: "
            + Connections.describe(e, config);
      }
    }
    Map<String, ?> offset;
    Position position = null;
    if (reading.mode() == JdbcMode.BULK) {
      rows++;
      offset = JdbcOffsets.bulkOffset(startedMillis);
    } else {
      position = position(spec, raw);
      read = position;
      offset = JdbcOffsets.offset(position);
    }
    SourceRecord record = null;
    if (problem == null) {
      try {
        record = spec.converter.record(source.mapping, spec.partition, offset, raw);
      } catch (BadRecordException e) {
        problem = e.reason();
      }
    }
    if (problem != null) {
      String where = position == null
          ? spec.display + " row " + rows + " of the snapshot started at " + Instant.ofEpochMilli(startedMillis)
          : spec.display + " row at " + TaskSource.describe(position);
      BadRecord bad = new BadRecord(where, problem, rawText(columns, raw), errorHeaders(spec, offset),
          spec.partition, offset);
      record = reading.badRecords().handle(bad).orElse(null);
      if (reading.badRecords().failure() != null) {
        failure = reading.badRecords().failure();
        return null;
      }
    }
    return new Row(record, position, bytes);
  }

  /** Closes the read; ends its transaction, if it holds one. */
  void close(Connection connection) throws SQLException {
    rs.close();
    statement.close();
    if (transaction) {
      connection.commit();
      connection.setAutoCommit(true);
    }
  }

  /** Closes the read, ignoring errors (its connection is being closed). */
  void closeQuietly() {
    Connections.closeQuietly(rs);
    Connections.closeQuietly(statement);
  }

  private static Position position(SourceSpec spec, Object[] raw) {
    Object value = raw[spec.incrementing.index() - 1];
    long incrementing;
    if (value instanceof Long l) {
      incrementing = l;
    } else if (value instanceof BigDecimal d) {
      try {
        incrementing = d.longValueExact();
      } catch (ArithmeticException e) {
        throw new ConnectException("The incrementing column " + spec.incrementing.label() + " of " + spec.display
            + " holds " + d.toPlainString() + ", which does not fit in a signed 64-bit integer");
      }
    } else {
      throw new ConnectException("The incrementing column " + spec.incrementing.label() + " of " + spec.display
          + " holds " + value + " in a row that was selected for it");
    }
    Temporal timestamp = null;
    if (spec.timestamp != null) {
      Object ts = raw[spec.timestamp.index() - 1];
      if (ts instanceof OffsetDateTime odt) {
        timestamp = odt.withOffsetSameInstant(ZoneOffset.UTC);
      } else if (ts instanceof LocalDateTime ldt) {
        timestamp = ldt;
      } else {
        throw new ConnectException("The timestamp column " + spec.timestamp.label() + " of " + spec.display
            + " holds " + ts + " in a row that was selected for it");
      }
    }
    return new Position(timestamp, incrementing);
  }

  private static long size(Object value) {
    if (value == null) {
      return 1;
    }
    if (value instanceof String s) {
      return s.length();
    }
    if (value instanceof byte[] b) {
      return b.length;
    }
    return 8;
  }

  private static Map<String, String> errorHeaders(SourceSpec spec, Map<String, ?> offset) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (spec.table != null) {
      headers.put("courier.error.table", spec.table.display());
    } else {
      headers.put("courier.error.query", "query");
    }
    headers.put("courier.error.position", offset.toString());
    return headers;
  }

  /** The row as a JSON object, for dead-letter records (cut at 64 KiB). */
  static String rawText(List<JdbcColumn> columns, Object[] raw) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      for (int i = 0; i < raw.length; i++) {
        json.writeFieldName(columns.get(i).label());
        Object value = raw[i];
        if (value == null) {
          json.writeNull();
        } else if (value instanceof Boolean b) {
          json.writeBoolean(b);
        } else if (value instanceof Long l) {
          json.writeNumber(l);
        } else if (value instanceof BigDecimal d) {
          json.writeNumber(d);
        } else if (value instanceof Double d && Double.isFinite(d)) {
          json.writeNumber(d);
        } else if (value instanceof Float f && Float.isFinite(f)) {
          json.writeNumber(f);
        } else if (value instanceof byte[] bytes) {
          json.writeBinary(bytes);
        } else {
          json.writeString(value.toString());
        }
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = out.toString();
    return text.length() > RAW_LIMIT ? text.substring(0, RAW_LIMIT) : text;
  }
}

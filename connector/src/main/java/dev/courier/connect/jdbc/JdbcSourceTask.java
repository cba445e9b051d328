/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.courier.config.MessageDescriptor;
import dev.courier.connect.BadRecord;
import dev.courier.connect.BadRecordException;
import dev.courier.connect.BadRecordHandler;
import dev.courier.connect.BadRecordPolicy;
import dev.courier.connect.CourierConnectorVersion;
import dev.courier.connect.MessageMapping;
import dev.courier.connect.TaskMetrics;
import dev.courier.connect.TaskTime;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the rows of its tables (or of the query) and returns them as records whose source offset is the row's
 * position, so a restarted task resumes right after the last committed row.
 *
 * <p>Per source, the task reads the newest position (the largest incrementing value, or the database clock),
 * waits the lag, lists the in-flight transactions with the {@link CommitBarrier} and, once they have all ended, reads
 * the rows up to that position in order with one streaming query (see {@link CommitBarrier} for why this loses no
 * row that commits late). Sources are served in turn; one {@code poll()} returns rows of one source, at most
 * {@code poll.max.records} of them, and in timestamp mode ends where the timestamp changes whenever the batch holds
 * more than one timestamp, so rows with the same timestamp share a transaction under exactly-once support. With
 * {@code transaction.boundary=connector}, a transaction is committed after each batch that ends a timestamp group
 * (incrementing: every batch; bulk: at the end of each snapshot).
 */
public final class JdbcSourceTask extends SourceTask {

  /** The task config key listing this task's tables, as indices into {@code table.names} (set by the connector). */
  static final String TASK_TABLES_CONFIG = "courier.jdbc.task.tables";

  private static final Logger LOG = LoggerFactory.getLogger(JdbcSourceTask.class);
  private static final JsonFactory JSON = new JsonFactory();
  private static final int RAW_LIMIT = 65_536;
  private static final int MAX_PENDING = 1_000;
  /**
   * The longest a {@code poll()} waits before returning null: Connect calls {@code stop()} and pauses a task only
   * between polls, so an idle poll must not block for a whole poll interval or backoff.
   */
  private static final long MAX_IDLE_WAIT_MS = 500;

  private final TaskTime time;
  private final Object lock = new Object();
  private final CountDownLatch stopLatch = new CountDownLatch(1);
  private final List<Source> sources = new ArrayList<>();
  private final Deque<Row> carry = new ArrayDeque<>();
  private volatile boolean stopping;
  private volatile Statement running;

  private JdbcSourceConnectorConfig config;
  private Dialect dialect;
  private String connectorName;
  private JdbcMode mode;
  private BadRecordHandler badRecords;
  private MessageDescriptor descriptor;
  private TransactionContext transactions;
  private Connection connection;
  private boolean inspected;
  private long reconnectAt;
  private Scan scan;
  private int nextSource;
  private ConnectException failure;

  private TaskMetrics metrics;
  private AtomicLong rowsRead;
  private AtomicLong badRecordCount;
  private AtomicLong snapshots;
  private volatile long incrementingLag;
  private volatile long timestampLagMs;
  private volatile long barrierWaitMs;
  private volatile long lastPollMs;
  private volatile long maxPollMs;

  /** Creates a task on the system clock (Connect's constructor). */
  public JdbcSourceTask() {
    this(TaskTime.SYSTEM);
  }

  /**
   * Creates a task on a given clock.
   *
   * @param time the clock
   */
  JdbcSourceTask(TaskTime time) {
    this.time = time;
  }

  @Override
  public String version() {
    return CourierConnectorVersion.get();
  }

  @Override
  public void start(Map<String, String> props) {
    config = new JdbcSourceConnectorConfig(props);
    connectorName = props.getOrDefault("name", "jdbc-source");
    dialect = Dialect.forUrl(config.connectionUrl());
    mode = config.mode();
    badRecords = config.badRecordHandler(connectorName);
    MessageMapping mapping = config.mapping(getClass().getClassLoader());
    descriptor = mapping.descriptor().orElse(null);
    transactions = context.transactionContext();
    List<String> tables = config.tableNames();
    if (config.query() != null) {
      sources.add(new Source(null, JdbcOffsets.queryPartition()));
    } else {
      String assigned = props.get(TASK_TABLES_CONFIG);
      if (assigned == null) {
        for (String table : tables) {
          sources.add(new Source(table, JdbcOffsets.tablePartition(table)));
        }
      } else {
        for (String index : assigned.split(",")) {
          String table = tables.get(Integer.parseInt(index.trim()));
          sources.add(new Source(table, JdbcOffsets.tablePartition(table)));
        }
      }
    }
    List<Map<String, String>> partitions = sources.stream().map(s -> s.partition).toList();
    Map<Map<String, String>, Map<String, Object>> stored = context.offsetStorageReader().offsets(partitions);
    for (Source source : sources) {
      source.stored = stored.get(source.partition);
    }
    // The connector gives task n the tables n, n + tasks, ...: the first one's index is the task number.
    int taskIndex = props.containsKey(TASK_TABLES_CONFIG)
        ? Integer.parseInt(props.get(TASK_TABLES_CONFIG).split(",")[0].trim()) : 0;
    metrics = TaskMetrics.of(context, connectorName, taskIndex);
    rowsRead = metrics.counter("rows-read-total", "Rows read from the database");
    badRecordCount = metrics.counter("bad-records-total", "Rows that could not become records (failed on,"
        + " skipped or dead-lettered)");
    snapshots = metrics.counter("snapshots-total", "Bulk snapshots read to the end");
    metrics.gauge("incrementing-lag", "The newest incrementing value seen minus the last one delivered (largest over"
        + " the task's sources): roughly the rows not delivered yet", () -> incrementingLag);
    metrics.gauge("timestamp-lag-ms", "The newest timestamp seen minus the last one delivered, in milliseconds"
        + " (largest over the task's sources)", () -> timestampLagMs);
    metrics.gauge("barrier-wait-ms", "How long the oldest newest-position seen has waited for the lag and for"
        + " in-flight transactions", () -> barrierWaitMs);
    metrics.gauge("poll-duration-ms", "How long the last poll() took", () -> lastPollMs);
    metrics.gauge("poll-duration-max-ms", "The longest poll() since the task started", () -> maxPollMs);
    LOG.info("Courier JDBC source task for connector {} started: mode {} on {} ({}), reading {}", connectorName,
        mode.configValue(), dialect.name(), Connections.redact(config.connectionUrl()),
        sources.stream().map(s -> s.table == null ? "the query" : s.table).toList());
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    if (failure != null) {
      throw failure;
    }
    long wait;
    List<SourceRecord> records;
    synchronized (lock) {
      if (stopping) {
        return null;
      }
      long started = time.milliseconds();
      try {
        records = fill(started);
        wait = records.isEmpty() ? waitTime(started) : 0;
      } catch (SQLException e) {
        if (stopping) {
          return null;
        }
        records = List.of();
        wait = Math.min(MAX_IDLE_WAIT_MS, recover(e, started));
      }
      long took = time.milliseconds() - started;
      lastPollMs = took;
      maxPollMs = Math.max(maxPollMs, took);
      updateLagMetrics(time.milliseconds());
    }
    if (!records.isEmpty()) {
      return records;
    }
    if (failure != null) {
      throw failure;
    }
    time.await(stopLatch, wait);
    return null;
  }

  @Override
  public void stop() {
    stopping = true;
    stopLatch.countDown();
    Statement statement = running;
    if (statement != null) {
      try {
        statement.cancel();
      } catch (SQLException | RuntimeException e) {
        LOG.debug("Cancelling the running query failed", e);
      }
    }
    synchronized (lock) {
      closeConnection();
      if (metrics != null) {
        metrics.close();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reading

  private List<SourceRecord> fill(long now) throws SQLException {
    if (!connect(now)) {
      return List.of();
    }
    List<Row> batch = new ArrayList<>();
    while (!carry.isEmpty()) {
      batch.add(carry.poll());
    }
    if (scan == null) {
      openNextScan(now);
      if (scan == null) {
        return List.of();
      }
    }
    int maxRecords = config.pollMaxRecords();
    long maxBytes = config.pollMaxBytes();
    long bytes = 0;
    for (Row row : batch) {
      bytes += row.bytes;
    }
    while (!scan.exhausted && batch.size() < maxRecords && bytes < maxBytes && failure == null) {
      Row row = readRow();
      if (row != null && row.record != null) {
        batch.add(row);
        bytes += row.bytes;
      }
    }
    boolean boundary = true;
    if (mode == JdbcMode.TIMESTAMP_INCREMENTING && !scan.exhausted && failure == null && !batch.isEmpty()) {
      boundary = keepGroupsTogether(batch);
    } else if (mode == JdbcMode.BULK) {
      boundary = scan.exhausted && carry.isEmpty();
    }
    Source source = scan.source;
    if (mode != JdbcMode.BULK) {
      if (carry.isEmpty() && scan.read != null) {
        source.delivered = scan.read;
      } else if (!batch.isEmpty()) {
        source.delivered = batch.get(batch.size() - 1).position;
      }
    }
    if (scan.exhausted && carry.isEmpty()) {
      finishScan(now);
    }
    List<SourceRecord> records = new ArrayList<>(batch.size());
    for (Row row : batch) {
      records.add(row.record);
    }
    if (transactions != null && boundary && !records.isEmpty()) {
      transactions.commitTransaction(records.get(records.size() - 1));
    }
    return records;
  }

  /**
   * Ends the batch where the timestamp last changes, so rows with the same timestamp are returned together, by
   * reading ahead one record. The rows after the cut are carried to the next poll.
   *
   * @return whether the batch ends a timestamp group
   */
  private boolean keepGroupsTogether(List<Row> batch) throws SQLException {
    Row next = null;
    while (next == null && !scan.exhausted && failure == null) {
      Row row = readRow();
      if (row != null && row.record != null) {
        next = row;
      }
    }
    if (next == null) {
      return scan.exhausted && failure == null;
    }
    Temporal lastTime = batch.get(batch.size() - 1).position.timestamp();
    if (JdbcOffsets.compareTimestamps(next.position.timestamp(), lastTime) != 0) {
      carry.add(next);
      return true;
    }
    int cut = batch.size();
    while (cut > 0 && JdbcOffsets.compareTimestamps(batch.get(cut - 1).position.timestamp(), lastTime) == 0) {
      cut--;
    }
    if (cut == 0) {
      carry.add(next);
      return false; // one timestamp group larger than a batch: it spans polls (and one transaction, if asked)
    }
    List<Row> tail = new ArrayList<>(batch.subList(cut, batch.size()));
    batch.subList(cut, batch.size()).clear();
    carry.addAll(tail);
    carry.add(next);
    return true;
  }

  /** Reads the next row of the scan: null at the end; a row without record when it was skipped. */
  private Row readRow() throws SQLException {
    ResultSet rs = scan.rs;
    if (!rs.next()) {
      scan.exhausted = true;
      return null;
    }
    rowsRead.incrementAndGet();
    SourceSpec spec = scan.source.spec;
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
    if (mode == JdbcMode.BULK) {
      scan.rows++;
      offset = JdbcOffsets.bulkOffset(scan.startedMillis);
    } else {
      position = position(spec, raw);
      scan.read = position;
      offset = JdbcOffsets.offset(position);
    }
    SourceRecord record = null;
    if (problem == null) {
      try {
        Struct value = spec.converter.convert(raw);
        record = scan.source.mapping.record(spec.partition, offset, value);
      } catch (BadRecordException e) {
        problem = e.reason();
      }
    }
    if (problem != null) {
      badRecordCount.incrementAndGet();
      String where = position == null
          ? spec.display + " row " + scan.rows + " of the snapshot started at "
              + Instant.ofEpochMilli(scan.startedMillis)
          : spec.display + " row at " + describe(position);
      BadRecord bad = new BadRecord(where, problem, rawText(columns, raw), errorHeaders(spec, offset),
          spec.partition, offset);
      if (badRecords.policy() == BadRecordPolicy.FAIL) {
        failure = badRecords.failure(bad);
        LOG.error(failure.getMessage());
        return null;
      }
      record = badRecords.handle(bad).orElse(null);
    }
    return new Row(record, position, bytes);
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

  // ---------------------------------------------------------------------------------------------------------------
  // Positions, the barrier and scans

  private void openNextScan(long now) throws SQLException {
    for (int i = 0; i < sources.size() && scan == null; i++) {
      int index = (nextSource + i) % sources.size();
      Source source = sources.get(index);
      if (source.nextCheck <= now) {
        prepare(source, now);
        if (scan != null) {
          nextSource = index + 1;
        }
      }
    }
  }

  /** Advances a source's barrier and opens a scan when its safe position moved past what was read. */
  private void prepare(Source source, long now) throws SQLException {
    SourceSpec spec = source.spec;
    if (mode == JdbcMode.BULK) {
      openScan(source, null, now);
      return;
    }
    long pollInterval = config.pollInterval().toMillis();
    if (source.nextCapture <= now) {
      capture(source, now);
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
      openScan(source, source.safe, now);
      return;
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
  }

  /** Reads the newest position of a source and queues it for the barrier. */
  private void capture(Source source, long now) throws SQLException {
    SourceSpec spec = source.spec;
    Object bound;
    if (mode == JdbcMode.INCREMENTING) {
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

  private void openScan(Source source, Object bound, long now) throws SQLException {
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
      if (mode == JdbcMode.INCREMENTING) {
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
      running = statement;
      try {
        rs = statement.executeQuery();
      } finally {
        running = null;
      }
      if (!spec.sameColumns(rs.getMetaData())) {
        Connections.closeQuietly(rs);
        Connections.closeQuietly(statement);
        if (transaction) {
          connection.commit();
          connection.setAutoCommit(true);
        }
        reinspect(source);
        source.nextCheck = now;
        return;
      }
    } catch (SQLException | RuntimeException e) {
      Connections.closeQuietly(rs);
      Connections.closeQuietly(statement);
      throw e;
    }
    scan = new Scan(source, statement, rs, bound, transaction, time.milliseconds());
  }

  private void finishScan(long now) throws SQLException {
    Scan done = scan;
    scan = null;
    done.close(connection);
    Source source = done.source;
    if (mode == JdbcMode.BULK) {
      snapshots.incrementAndGet();
      source.nextCheck = now + config.pollInterval().toMillis();
      LOG.debug("{}: snapshot of {} rows read", source.spec.display, done.rows);
    } else {
      source.scanned = done.bound;
      source.nextCheck = now;
    }
  }

  private void reinspect(Source source) throws SQLException {
    LOG.info("The columns of {} changed; checking them again", source.spec.display);
    SourceInspector inspector = new SourceInspector(config, dialect, descriptor);
    SourceSpec spec = source.table == null ? inspector.query(connection, config.query())
        : inspector.table(connection, source.table);
    if (spec == null) {
      failure = new ConnectException("The columns of " + source.spec.display + " changed and no longer fit: "
          + problems(inspector));
      throw failure;
    }
    source.use(spec, config, descriptor);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Connection

  /** Opens the connection (and on the first one, resolves the sources); false while waiting to retry. */
  private boolean connect(long now) throws SQLException {
    if (connection != null) {
      return true;
    }
    if (now < reconnectAt) {
      return false;
    }
    connection = Connections.open(config, dialect);
    if (!inspected) {
      SourceInspector inspector = new SourceInspector(config, dialect, descriptor);
      for (Source source : sources) {
        SourceSpec spec = source.table == null ? inspector.query(connection, config.query())
            : inspector.table(connection, source.table);
        if (spec != null) {
          source.use(spec, config, descriptor);
        }
      }
      if (!inspector.problems().isEmpty()) {
        failure = new ConnectException("The JDBC source cannot read its sources: " + problems(inspector));
        throw failure;
      }
      for (Source source : sources) {
        source.restore();
      }
      inspected = true;
    }
    return true;
  }

  private static String problems(SourceInspector inspector) {
    StringBuilder text = new StringBuilder();
    inspector.problems().forEach((key, messages) -> messages.forEach(
        message -> text.append(text.length() == 0 ? "" : "; ").append(key).append(": ").append(message)));
    return text.toString();
  }

  /** After an SQL error: closes everything; retries transient errors after the backoff, fails on others. */
  private long recover(SQLException e, long now) {
    String description = Connections.describe(e, config);
    String where = scan != null ? scan.source.spec.display : "the database";
    closeConnection();
    boolean connecting = !inspected;
    boolean authentication = e.getSQLState() != null && e.getSQLState().startsWith("28");
    if (Connections.isTransient(e) || (connecting && !authentication)) {
      long backoff = config.connectionBackoff().toMillis();
      reconnectAt = now + backoff;
      LOG.warn("Connector {}: reading {} failed: {}; reconnecting in {} ms and reading again from the last delivered"
          + " row", connectorName, where, description, backoff);
      return backoff;
    }
    failure = new ConnectException("Connector " + connectorName + ": reading " + where + " failed: " + description);
    return 0;
  }

  private void closeConnection() {
    if (scan != null) {
      Connections.closeQuietly(scan.rs);
      Connections.closeQuietly(scan.statement);
      scan = null;
    }
    carry.clear();
    Connections.closeQuietly(connection);
    connection = null;
  }

  private long waitTime(long now) {
    long next = Long.MAX_VALUE;
    for (Source source : sources) {
      next = Math.min(next, source.nextCheck);
    }
    if (connection == null) {
      next = Math.min(next, reconnectAt);
    }
    return Math.max(1, Math.min(MAX_IDLE_WAIT_MS, next - now));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Metrics and helpers

  private void updateLagMetrics(long now) {
    long incrementing = 0;
    long timestamp = 0;
    long waiting = 0;
    for (Source source : sources) {
      if (source.newestIncrementing != null) {
        long delivered = source.delivered == null ? 0 : source.delivered.incrementing();
        incrementing = Math.max(incrementing, source.newestIncrementing - delivered);
      }
      if (source.newestTimestamp != null && source.delivered != null && source.delivered.timestamp() != null) {
        timestamp = Math.max(timestamp,
            Duration.between(source.delivered.timestamp(), source.newestTimestamp).toMillis());
      }
      Pending oldest = source.pending.peek();
      if (oldest != null) {
        waiting = Math.max(waiting, now - oldest.capturedAt);
      }
    }
    incrementingLag = incrementing;
    timestampLagMs = timestamp;
    barrierWaitMs = waiting;
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

  private static String describe(Position position) {
    return position.timestamp() == null ? "incrementing=" + position.incrementing()
        : "timestamp=" + JdbcOffsets.timestampText(position.timestamp()) + ", incrementing="
            + position.incrementing();
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

  /** For tests: the sources' delivered positions, by partition. */
  Map<Map<String, String>, Position> deliveredPositions() {
    Map<Map<String, String>, Position> positions = new LinkedHashMap<>();
    for (Source source : sources) {
      positions.put(source.partition, source.delivered);
    }
    return positions;
  }

  /** One row read: its record (null when skipped), its position and its approximate size. */
  private record Row(SourceRecord record, Position position, long bytes) {}

  /** A newest position waiting for the lag and the barrier. */
  private static final class Pending {
    final Object bound;
    final long capturedAt;
    Set<String> transactions;

    Pending(Object bound, long capturedAt) {
      this.bound = bound;
      this.capturedAt = capturedAt;
    }
  }

  /** What the task knows of one table or of the query. */
  private static final class Source {
    final String table;
    final Map<String, String> partition;
    final Deque<Pending> pending = new ArrayDeque<>();
    Map<String, Object> stored;
    SourceSpec spec;
    MessageMapping mapping;
    Position delivered;
    Object safe;
    Object scanned;
    Object lastCaptured;
    long nextCheck;
    long nextCapture;
    long waitingSince = -1;
    Long newestIncrementing;
    Temporal newestTimestamp;

    Source(String table, Map<String, String> partition) {
      this.table = table;
      this.partition = partition;
    }

    void use(SourceSpec spec, JdbcSourceConnectorConfig config, MessageDescriptor descriptor) {
      this.spec = spec;
      if (descriptor != null) {
        this.mapping = MessageMapping.fromDescriptor(descriptor);
      } else {
        String key = config.keyField() == null ? null
            : SourceInspector.find(spec.columns, config.keyField()).label();
        this.mapping = MessageMapping.fromConfig(config.topic(), key);
      }
    }

    /** Parses the stored offset against the resolved columns. */
    void restore() {
      if (stored == null || spec.incrementing == null) {
        return;
      }
      Object incrementing = stored.get(JdbcOffsets.INCREMENTING);
      if (!(incrementing instanceof Number number)) {
        throw new ConnectException("The stored offset " + stored + " of " + spec.display + " has no whole number '"
            + JdbcOffsets.INCREMENTING + "'");
      }
      Temporal timestamp = null;
      if (spec.timestamp != null) {
        Object text = stored.get(JdbcOffsets.TIMESTAMP);
        if (text == null) {
          throw new ConnectException("The stored offset " + stored + " of " + spec.display + " has no '"
              + JdbcOffsets.TIMESTAMP + "' (it was written in another mode). Reset or set the connector's offsets"
              + " (KIP-875: PATCH or DELETE /connectors/<name>/offsets with the connector stopped) before changing"
              + " the mode.");
        }
        try {
          timestamp = JdbcOffsets.parseTimestamp(text.toString(), spec.timestamp.kind() == ColumnKind.TIMESTAMP_TZ);
        } catch (IllegalArgumentException e) {
          throw new ConnectException("The stored offset " + stored + " of " + spec.display + " is invalid: "
              + e.getMessage());
        }
      }
      delivered = new Position(timestamp, number.longValue());
      LOG.info("{}: resuming after the row at {}", spec.display, describe(delivered));
    }
  }

  /** An open, streaming read of one source. */
  private static final class Scan {
    final Source source;
    final PreparedStatement statement;
    final ResultSet rs;
    final Object bound;
    final boolean transaction;
    final long startedMillis;
    boolean exhausted;
    long rows;
    Position read;

    Scan(Source source, PreparedStatement statement, ResultSet rs, Object bound, boolean transaction,
        long startedMillis) {
      this.source = source;
      this.statement = statement;
      this.rs = rs;
      this.bound = bound;
      this.transaction = transaction;
      this.startedMillis = startedMillis;
    }

    void close(Connection connection) throws SQLException {
      rs.close();
      statement.close();
      if (transaction) {
        connection.commit();
        connection.setAutoCommit(true);
      }
    }
  }
}

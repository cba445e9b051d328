/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.config.MessageDescriptor;
import dev.courier.connect.CourierSourceConnector;
import dev.courier.connect.CourierSourceTask;
import dev.courier.connect.TaskMetrics;
import dev.courier.connect.TaskClock;
import dev.courier.connect.jdbc.JdbcOffsets.Position;
import dev.courier.connect.jdbc.TableScan.Row;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
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
 *
 * <p>{@link CourierSourceTask} runs the Connect lifecycle (the checked config, the poll and its wait, the stop, the
 * metrics and the bad-record policy). This class owns the JDBC source's state: resolving the sources on the first
 * connection (and again when a source's columns change), what an SQL error does to the reading state, and the order
 * in which sources are served. The rest it delegates: the connection to {@link ConnectionKeeper}; up to which
 * position a source is safe to read to {@link BarrierGate}; reading one source up to that position into records to
 * {@link TableScan}; cutting the rows into poll-sized batches to {@link BatchCutter}. {@link TaskSource} holds what
 * the task knows of each source.
 */
public final class JdbcSourceTask extends CourierSourceTask<JdbcSourceConnectorConfig> {

  /** The task config key listing this task's tables, as indices into {@code table.names} (set by the connector). */
  static final String TASK_TABLES_CONFIG = "courier.jdbc.task.tables";

  private static final Logger LOG = LoggerFactory.getLogger(JdbcSourceTask.class);
  /**
   * The longest a {@code poll()} waits before returning null: Connect calls {@code stop()} and pauses a task only
   * between polls, so an idle poll must not block for a whole poll interval or backoff.
   */
  private static final long MAX_IDLE_WAIT_MS = 500;

  private final List<TaskSource> sources = new ArrayList<>();

  private JdbcSourceConnectorConfig config;
  private Dialect dialect;
  private JdbcMode mode;
  private MessageDescriptor descriptor;
  private TransactionContext transactions;
  private BarrierGate gate;
  private TableScan.Reading reading;
  private BatchCutter cutter;
  // Volatile: stop() reads it from another thread to cancel the query executing.
  private volatile ConnectionKeeper keeper;
  private boolean inspected;
  private TableScan scan;
  /** Deletes relayed outbox rows; {@code null} unless mode=outbox with outbox.cleanup=delete. */
  private OutboxCleaner cleaner;
  private int nextSource;
  private long idleWait;

  private AtomicLong snapshots;
  private volatile long incrementingLag;
  private volatile long timestampLagMs;
  private volatile long barrierWaitMs;
  private volatile long lastPollMs;
  private volatile long maxPollMs;

  /** Creates a task on the system clock (Connect's constructor). */
  public JdbcSourceTask() {
    this(TaskClock.SYSTEM);
  }

  /**
   * Creates a task on a given clock.
   *
   * @param time the clock
   */
  JdbcSourceTask(TaskClock time) {
    super(time);
  }

  @Override
  protected CourierSourceConnector<JdbcSourceConnectorConfig> connector() {
    return new JdbcSourceConnector();
  }

  @Override
  protected String defaultName() {
    return "jdbc-source";
  }

  /** The connector gives task n the tables n, n + tasks, ...: the first one's index is the task number. */
  @Override
  protected int taskIndex(Map<String, String> props) {
    return props.containsKey(TASK_TABLES_CONFIG)
        ? Integer.parseInt(props.get(TASK_TABLES_CONFIG).split(",")[0].trim()) : 0;
  }

  @Override
  protected void startReading(Map<String, String> props) {
    config = config();
    dialect = Dialect.forUrl(config.connectionUrl());
    mode = config.mode();
    descriptor = config.mapping().descriptor().orElse(null);
    transactions = context.transactionContext();
    List<String> tables = config.tableNames();
    if (config.query() != null) {
      sources.add(new TaskSource(null, JdbcOffsets.queryPartition()));
    } else {
      String assigned = props.get(TASK_TABLES_CONFIG);
      if (assigned == null) {
        for (String table : tables) {
          sources.add(new TaskSource(table, JdbcOffsets.tablePartition(table)));
        }
      } else {
        for (String index : assigned.split(",")) {
          String table = tables.get(Integer.parseInt(index.trim()));
          sources.add(new TaskSource(table, JdbcOffsets.tablePartition(table)));
        }
      }
    }
    List<Map<String, String>> partitions = sources.stream().map(s -> s.partition).toList();
    Map<Map<String, String>, Map<String, Object>> stored = context.offsetStorageReader().offsets(partitions);
    for (TaskSource source : sources) {
      source.stored = stored.get(source.partition);
    }
    TaskMetrics metrics = metrics();
    AtomicLong rowsRead = metrics.counter("rows-read-total", "Rows read from the database");
    snapshots = metrics.counter("snapshots-total", "Bulk snapshots read to the end");
    metrics.gauge("incrementing-lag", "The newest incrementing value seen minus the last one delivered (largest over"
        + " the task's sources): roughly the rows not delivered yet", () -> incrementingLag);
    metrics.gauge("timestamp-lag-ms", "The newest timestamp seen minus the last one delivered, in milliseconds"
        + " (largest over the task's sources)", () -> timestampLagMs);
    metrics.gauge("barrier-wait-ms", "How long the oldest newest-position seen has waited for the lag and for"
        + " in-flight transactions", () -> barrierWaitMs);
    metrics.gauge("poll-duration-ms", "How long the last poll() took", () -> lastPollMs);
    metrics.gauge("poll-duration-max-ms", "The longest poll() since the task started", () -> maxPollMs);
    keeper = new ConnectionKeeper(config, dialect);
    gate = new BarrierGate(config, dialect, mode);
    reading = new TableScan.Reading(config, dialect, mode, badRecords(), rowsRead, time());
    cutter = new BatchCutter(mode, config.pollMaxRecords(), config.pollMaxBytes());
    if (mode == JdbcMode.OUTBOX && config.outboxDeletes()) {
      cleaner = new OutboxCleaner(config, dialect, metrics.counter("outbox-rows-deleted-total",
          "Relayed outbox rows deleted after their records were committed"));
    }
    LOG.info("Courier JDBC source task for connector {} started: mode {} on {} ({}), reading {}", connectorName(),
        mode.configValue(), dialect.name(), Connections.redact(config.connectionUrl()),
        sources.stream().map(s -> s.table == null ? "the query" : s.table).toList());
  }

  /** One poll's rows; an SQL error closes the connection and retries after the backoff, or fails the task. */
  @Override
  protected List<SourceRecord> read() {
    long started = time().milliseconds();
    if (cleaner != null) {
      cleaner.clean(started);
    }
    List<SourceRecord> records;
    try {
      records = fill(started);
      idleWait = records.isEmpty() ? waitTime(started) : 0;
    } catch (SQLException e) {
      records = List.of();
      idleWait = stopping() ? 0 : Math.min(MAX_IDLE_WAIT_MS, recover(e, started));
    }
    long took = time().milliseconds() - started;
    lastPollMs = took;
    maxPollMs = Math.max(maxPollMs, took);
    updateLagMetrics(time().milliseconds());
    return records;
  }

  @Override
  protected long idleWaitMs() {
    return idleWait;
  }

  /** Cancels the query executing, so a stop does not wait for it. */
  @Override
  protected void interruptReading() {
    if (keeper != null) {
      keeper.cancelRunning();
    }
  }

  @Override
  protected void stopReading() {
    closeConnection();
    if (cleaner != null) {
      cleaner.close();
    }
  }

  /**
   * Connect's report that a record is committed in Kafka (with exactly-once support: its transaction committed),
   * which makes an outbox row deletable.
   */
  @Override
  public void commitRecord(SourceRecord record, RecordMetadata metadata) {
    if (cleaner != null && record.sourceOffset() != null
        && record.sourceOffset().get(JdbcOffsets.INCREMENTING) instanceof Number id) {
      cleaner.committed(record.sourcePartition(), id.longValue(), time().milliseconds());
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reading

  /**
   * Builds the records of one {@code poll()}, all of one source, and commits the connector-defined transaction after
   * them when they end a transaction boundary. This is the task's core algorithm.
   *
   * <p>Why it waits before reading: a row's incrementing value or timestamp is taken when its transaction writes
   * it, but other sessions see the row only once that transaction commits, and transactions commit in any order.
   * Reading "every row after the last delivered position", as other query-based sources do, therefore skips a row
   * whose transaction took a lower position and commits after a higher one was delivered: the next query starts
   * above it, and it is lost for good. So no source is read past a position until every transaction that could
   * still commit a row at or below it has ended. The {@link BarrierGate} captures the source's newest position
   * {@code H} (the largest incrementing value, or the database clock), waits the lag, lists the transactions in
   * flight with the source's {@link CommitBarrier}, and lets {@code H} pass once all of them have ended. The lag
   * covers the time a transaction may take between taking its position value and becoming listable as a writer of
   * the table (MariaDB: up to a second for an AUTO_INCREMENT value; PostgreSQL's {@code now()} is the start of the
   * transaction); it also keeps timestamps at least the lag behind the database clock, and it is all that protects
   * late commits with {@code commit.barrier=none}. Once {@code H} passed, every row at or below it that will ever
   * commit has committed, and a scan reads them with a fresh snapshot from the last delivered position up to
   * {@code H}, in position order.
   *
   * <p>The steps: open the connection unless waiting for the reconnect backoff (then nothing this poll); start the
   * batch with the rows the {@link BatchCutter} carried over from the last poll; if no scan is open, serve the
   * sources in turn, starting after the last one served, and open a scan of the first that is due and whose safe
   * position moved past what was scanned (bulk: a snapshot of the whole table per poll interval); fill the batch up
   * to the poll limits, cut where the timestamp changes; move the source's delivered position (the source offset of
   * the last record, or of the last row read, skipped ones included, when nothing is carried over), which also feeds
   * the lag metrics; close the scan once it is read to its end with nothing carried; and with
   * {@code transaction.boundary=connector}, commit after the last record when the batch ends a timestamp group
   * (incrementing: every batch; bulk: the end of a snapshot).
   *
   * @param now the poll's start
   * @return the records, empty when there is nothing to return now
   * @throws SQLException when the database fails; {@link #recover} decides whether to retry
   */
  private List<SourceRecord> fill(long now) throws SQLException {
    if (!connect(now)) {
      return List.of();
    }
    List<Row> batch = cutter.carried();
    if (scan == null) {
      openNextScan(now);
      if (scan == null) {
        return List.of();
      }
    }
    boolean boundary = cutter.fill(batch, scan);
    if (scan.failure != null) {
      fail(scan.failure);
    }
    TaskSource source = scan.source;
    if (mode != JdbcMode.BULK) {
      if (cutter.isEmpty() && scan.read != null) {
        source.delivered = scan.read;
      } else if (!batch.isEmpty()) {
        source.delivered = batch.get(batch.size() - 1).position();
      }
    }
    if (scan.exhausted && cutter.isEmpty()) {
      finishScan(now);
    }
    List<SourceRecord> records = new ArrayList<>(batch.size());
    for (Row row : batch) {
      records.add(row.record());
    }
    if (transactions != null && boundary && !records.isEmpty()) {
      transactions.commitTransaction(records.get(records.size() - 1));
    }
    return records;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Serving the sources and their scans

  private void openNextScan(long now) throws SQLException {
    for (int i = 0; i < sources.size() && scan == null; i++) {
      int index = (nextSource + i) % sources.size();
      TaskSource source = sources.get(index);
      if (source.nextCheck <= now) {
        prepare(source, now);
        if (scan != null) {
          nextSource = index + 1;
        }
      }
    }
  }

  /** Advances a source's barrier and opens a scan when its safe position moved past what was read. */
  private void prepare(TaskSource source, long now) throws SQLException {
    if (mode == JdbcMode.BULK) {
      openScan(source, null, now);
    } else if (gate.advance(source, keeper.connection(), now)) {
      openScan(source, source.safe, now);
    }
  }

  private void openScan(TaskSource source, Object bound, long now) throws SQLException {
    scan = reading.open(keeper.connection(), source, bound, keeper::running);
    if (scan == null) {
      reinspect(source);
      source.nextCheck = now;
    }
  }

  private void finishScan(long now) throws SQLException {
    TableScan done = scan;
    scan = null;
    done.close(keeper.connection());
    TaskSource source = done.source;
    if (mode == JdbcMode.BULK) {
      snapshots.incrementAndGet();
      source.nextCheck = now + config.pollInterval().toMillis();
      LOG.debug("{}: snapshot of {} rows read", source.spec.display, done.rows);
    } else {
      source.scanned = done.bound;
      source.nextCheck = now;
    }
  }

  private void reinspect(TaskSource source) throws SQLException {
    Connection connection = keeper.connection();
    LOG.info("The columns of {} changed; checking them again", source.spec.display);
    SourceInspector inspector = new SourceInspector(config, dialect, descriptor);
    SourceSpec spec = source.table == null ? inspector.query(connection, config.query())
        : inspector.table(connection, source.table);
    if (spec == null) {
      throw fail(new ConnectException("The columns of " + source.spec.display + " changed and no longer fit: "
          + problems(inspector)));
    }
    source.use(spec, config);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Connection and resolving the sources

  /** Opens the connection (and on the first one, resolves the sources); false while waiting to retry. */
  private boolean connect(long now) throws SQLException {
    if (keeper.connection() != null) {
      return true;
    }
    if (!keeper.open(now)) {
      return false;
    }
    if (!inspected) {
      Connection connection = keeper.connection();
      SourceInspector inspector = new SourceInspector(config, dialect, descriptor);
      for (TaskSource source : sources) {
        SourceSpec spec = source.table == null ? inspector.query(connection, config.query())
            : inspector.table(connection, source.table);
        if (spec != null) {
          source.use(spec, config);
        }
      }
      if (!inspector.problems().isEmpty()) {
        throw fail(new ConnectException("The JDBC source cannot read its sources: " + problems(inspector)));
      }
      for (TaskSource source : sources) {
        source.restore();
        if (cleaner != null) {
          cleaner.track(source);
        }
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

  /** After an SQL error: closes everything; retries after the backoff when the keeper says so, fails otherwise. */
  private long recover(SQLException e, long now) {
    String description = Connections.describe(e, config);
    String where = scan != null ? scan.source.spec.display : "the database";
    closeConnection();
    if (keeper.retries(e, !inspected)) {
      long backoff = keeper.backOff(now);
      LOG.warn("Connector {}: reading {} failed: {}; reconnecting in {} ms and reading again from the last delivered"
          + " row", connectorName(), where, description, backoff);
      return backoff;
    }
    fail(new ConnectException("Connector " + connectorName() + ": reading " + where + " failed: " + description));
    return 0;
  }

  private void closeConnection() {
    if (scan != null) {
      scan.closeQuietly();
      scan = null;
    }
    if (cutter != null) {
      cutter.clear();
    }
    if (keeper != null) {
      keeper.close();
    }
  }

  private long waitTime(long now) {
    long next = Long.MAX_VALUE;
    for (TaskSource source : sources) {
      next = Math.min(next, source.nextCheck);
    }
    next = Math.min(next, keeper.nextAttempt());
    return Math.max(1, Math.min(MAX_IDLE_WAIT_MS, next - now));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Metrics

  private void updateLagMetrics(long now) {
    long incrementing = 0;
    long timestamp = 0;
    long waiting = 0;
    for (TaskSource source : sources) {
      if (source.newestIncrementing != null) {
        long delivered = source.delivered == null ? 0 : source.delivered.incrementing();
        incrementing = Math.max(incrementing, source.newestIncrementing - delivered);
      }
      if (source.newestTimestamp != null && source.delivered != null && source.delivered.timestamp() != null) {
        timestamp = Math.max(timestamp,
            Duration.between(source.delivered.timestamp(), source.newestTimestamp).toMillis());
      }
      BarrierGate.Pending oldest = source.pending.peek();
      if (oldest != null) {
        waiting = Math.max(waiting, now - oldest.capturedAt);
      }
    }
    incrementingLag = incrementing;
    timestampLagMs = timestamp;
    barrierWaitMs = waiting;
  }

  /** For tests: the sources' delivered positions, by partition. */
  Map<Map<String, String>, Position> deliveredPositions() {
    Map<Map<String, String>, Position> positions = new LinkedHashMap<>();
    for (TaskSource source : sources) {
      positions.put(source.partition, source.delivered);
    }
    return positions;
  }
}

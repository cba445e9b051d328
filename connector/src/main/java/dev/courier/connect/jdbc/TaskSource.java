/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.connect.MessageMapping;
import dev.courier.connect.jdbc.JdbcOffsets.Position;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link JdbcSourceTask} knows of one of its tables or of the query: its Connect partition and stored offset,
 * its resolved columns ({@link SourceSpec}) and message mapping, the position of the last row delivered, and the
 * state the {@link BarrierGate} keeps for it (the newest positions captured and waiting, the safe position they
 * reached, the position scanned up to) plus when the task should look at it next. It is plain mutable state of
 * the task's polling thread; the task, the gate and the {@link TableScan} read and advance it.
 */
final class TaskSource {

  // The task's logger, so operators keep configuring one logger for the task's messages.
  private static final Logger LOG = LoggerFactory.getLogger(JdbcSourceTask.class);

  final String table;
  final Map<String, String> partition;
  final Deque<BarrierGate.Pending> pending = new ArrayDeque<>();
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

  TaskSource(String table, Map<String, String> partition) {
    this.table = table;
    this.partition = partition;
  }

  /**
   * Uses the resolved columns. With {@code message.class} the mapping is the task's, resolved once; without, the
   * key is the column {@code key.member} names, as the database labels it.
   */
  void use(SourceSpec spec, JdbcSourceConnectorConfig config) {
    this.spec = spec;
    if (config.mapping().descriptor().isPresent()) {
      this.mapping = config.mapping();
    } else {
      String key = config.keyMember() == null ? null
          : JdbcColumn.byLabel(spec.columns, config.keyMember()).label();
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

  /** A position as log and error text. */
  static String describe(Position position) {
    return position.timestamp() == null ? "incrementing=" + position.incrementing()
        : "timestamp=" + JdbcOffsets.timestampText(position.timestamp()) + ", incrementing="
            + position.incrementing();
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.connect.BadRecordException;
import dev.courier.connect.MessageMapping;
import dev.courier.runtime.OutboxHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Rows of the transactional outbox ({@code mode=outbox}): each row is relayed as the record it stores, with its
 * topic, the key and value bytes (schema {@code BYTES}, for {@code ByteArrayConverter} to pass on as they are), the
 * headers decoded by {@link OutboxHeaders} (the writer's own format) and the timestamp. Nothing is re-serialized, so
 * the record is the one the type's producer would have sent, on the same partition.
 *
 * <p>{@link #match} checks the table's shape: the columns {@code dev.courier.runtime.Outbox} writes, of kinds that
 * hold what it writes.
 */
final class OutboxRows implements RowConverter {
  /** The columns the writer fills, and the kind each must have. */
  private static final Map<String, ColumnKind> COLUMNS = Map.of(
      "topic", ColumnKind.STRING,
      "message_key", ColumnKind.BYTES,
      "message_value", ColumnKind.BYTES,
      "headers", ColumnKind.BYTES,
      "message_timestamp", ColumnKind.INT64);

  private final int topic;
  private final int key;
  private final int value;
  private final int headers;
  private final int timestamp;

  private OutboxRows(List<JdbcColumn> columns) {
    this.topic = position(columns, "topic");
    this.key = position(columns, "message_key");
    this.value = position(columns, "message_value");
    this.headers = position(columns, "headers");
    this.timestamp = position(columns, "message_timestamp");
  }

  /**
   * The converter of an outbox table, or {@code null} when its shape does not fit, with what does not.
   *
   * @param columns the table's columns
   * @param display the table, for messages
   * @param problems where problems are added
   * @return the converter, or {@code null}
   */
  static OutboxRows match(List<JdbcColumn> columns, String display, List<String> problems) {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, ColumnKind> expected : new java.util.TreeMap<>(COLUMNS).entrySet()) {
      JdbcColumn column = JdbcColumn.byLabel(columns, expected.getKey());
      if (column == null) {
        wrong.add("it has no column " + expected.getKey());
      } else if (column.kind() != expected.getValue()
          && !(expected.getValue() == ColumnKind.INT64 && column.kind().isIntegral())) {
        wrong.add("column " + column.label() + " is " + column.describeType() + ", not "
            + (expected.getValue() == ColumnKind.BYTES ? "binary" : expected.getValue() == ColumnKind.STRING ? "text"
                : "an integer"));
      }
    }
    if (!wrong.isEmpty()) {
      problems.add(display + " is not a Courier outbox table: " + String.join("; ", wrong) + " (columns: "
          + columns.stream().map(JdbcColumn::label).toList() + "). Fix: create it with the DDL in courier-config's"
          + " META-INF/courier/outbox/ (postgresql.sql, mariadb.sql, h2.sql), or name that table in table.names.");
      return null;
    }
    return new OutboxRows(columns);
  }

  private static int position(List<JdbcColumn> columns, String label) {
    return columns.indexOf(JdbcColumn.byLabel(columns, label));
  }

  @Override
  public SourceRecord record(MessageMapping mapping, Map<String, ?> partition, Map<String, ?> offset, Object[] raw)
      throws BadRecordException {
    Object topicName = raw[topic];
    if (!(topicName instanceof String name) || name.isBlank()) {
      throw new BadRecordException("the outbox row has no topic");
    }
    if (!(raw[timestamp] instanceof Long stamp) || stamp < 0) {
      throw new BadRecordException("the outbox row's message_timestamp is " + raw[timestamp] + ", not a time since"
          + " 1970 in milliseconds");
    }
    ConnectHeaders connectHeaders = new ConnectHeaders();
    try {
      for (Header header : OutboxHeaders.decode((byte[]) raw[headers])) {
        connectHeaders.addBytes(header.key(), header.value());
      }
    } catch (IllegalArgumentException e) {
      throw new BadRecordException("the outbox row's headers cannot be read: " + e.getMessage());
    }
    return new SourceRecord(partition, offset, name, null, Schema.OPTIONAL_BYTES_SCHEMA, raw[key],
        Schema.OPTIONAL_BYTES_SCHEMA, raw[value], stamp, connectHeaders);
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * One source, resolved against the database: a table or the query, with its columns, position columns, barrier and
 * row converter, and the SQL that reads it.
 */
final class SourceSpec {

  final Map<String, String> partition;
  final String display;
  final TableRef table;
  final String fromSql;
  final List<JdbcColumn> columns;
  final JdbcColumn incrementing;
  final JdbcColumn timestamp;
  final CommitBarrier barrier;
  final RowConverter converter;
  private final Dialect dialect;

  SourceSpec(Map<String, String> partition, String display, TableRef table, String fromSql, List<JdbcColumn> columns,
      JdbcColumn incrementing, JdbcColumn timestamp, CommitBarrier barrier, RowConverter converter, Dialect dialect) {
    this.partition = Map.copyOf(partition);
    this.display = display;
    this.table = table;
    this.fromSql = fromSql;
    this.columns = List.copyOf(columns);
    this.incrementing = incrementing;
    this.timestamp = timestamp;
    this.barrier = barrier;
    this.converter = converter;
    this.dialect = dialect;
  }

  /**
   * The digits of a second the timestamp column keeps (0 to 9); a clock value is cut to them before it bounds a
   * read, so a value the column rounds or truncates from a later instant cannot fall below the bound.
   *
   * @return the fractional digits, 0 when the driver does not say
   */
  int timestampDigits() {
    int digits = timestamp == null ? 0 : timestamp.scale();
    return digits < 0 || digits > 9 ? 0 : digits;
  }

  /**
   * The SELECT that reads rows after a position and up to a bound.
   *
   * @param mode the mode
   * @param fromStart whether there is no position yet (no lower bound)
   * @return the SQL; its parameters are: the position (incrementing: the value; timestamp: as
   *     {@link Dialect#after}), then the bound
   */
  String selectSql(JdbcMode mode, boolean fromStart) {
    StringBuilder sql = new StringBuilder("SELECT * FROM ").append(fromSql);
    switch (mode) {
      case BULK:
        break;
      case INCREMENTING:
      case OUTBOX: {
        String inc = dialect.quote(incrementing.label());
        sql.append(" WHERE ");
        if (!fromStart) {
          sql.append(inc).append(" > ? AND ");
        }
        sql.append(inc).append(" <= ? ORDER BY ").append(inc);
        break;
      }
      case TIMESTAMP_INCREMENTING: {
        String inc = dialect.quote(incrementing.label());
        String ts = dialect.quote(timestamp.label());
        sql.append(" WHERE ");
        if (!fromStart) {
          sql.append(dialect.after(ts, inc)).append(" AND ");
        }
        sql.append(ts).append(" < ? ORDER BY ").append(ts).append(", ").append(inc);
        break;
      }
      default:
        throw new IllegalStateException(mode.toString());
    }
    return sql.toString();
  }

  /**
   * The SELECT of the newest incrementing value.
   *
   * @return the SQL
   */
  String maxIncrementingSql() {
    return "SELECT MAX(" + dialect.quote(incrementing.label()) + ") FROM " + fromSql;
  }

  /**
   * The SELECT of the newest timestamp value.
   *
   * @return the SQL
   */
  String maxTimestampSql() {
    return "SELECT MAX(" + dialect.quote(timestamp.label()) + ") FROM " + fromSql;
  }

  /**
   * Whether a result's columns are still the ones this spec was made for.
   *
   * @param meta the metadata of a fresh result
   * @return whether labels, order and types are unchanged
   * @throws SQLException when the driver cannot say
   */
  boolean sameColumns(ResultSetMetaData meta) throws SQLException {
    if (meta.getColumnCount() != columns.size()) {
      return false;
    }
    for (JdbcColumn column : columns) {
      if (!column.label().equals(meta.getColumnLabel(column.index()))
          || column.jdbcType() != meta.getColumnType(column.index())) {
        return false;
      }
    }
    return true;
  }
}

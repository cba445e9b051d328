/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.config.Suggestions;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL: names resolved like SQL names ({@code to_regclass}, with the search_path), streaming through a cursor
 * inside a read transaction, and a barrier on {@code pg_locks}.
 *
 * <p>The barrier lists the transactions that hold a write lock (RowExclusiveLock or stronger) on the table, on its
 * partitions and inheritance children, and on the sequence of the incrementing column. PostgreSQL takes these locks
 * before a row is written and before {@code nextval} hands out a value, and keeps them until the transaction ends, so
 * a transaction that has taken an id or written a row is listed. (Unlike
 * {@code pg_snapshot_xmin(pg_current_snapshot())}, which only sees transactions that already have a transaction id: a session that called {@code nextval} but has not
 * written yet has none.) Transactions are identified by their virtual transaction id, or by their xid once
 * prepared for two-phase commit; both stay unique while they run. For a query, or a view, every write lock in the
 * database counts.
 */
final class PostgresDialect extends Dialect {

  private static final Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')+)'(?:::regclass)?\\)");

  private static final String WRITE_LOCKS =
      "l.locktype = 'relation' AND l.mode IN ('RowExclusiveLock', 'ShareRowExclusiveLock', 'ExclusiveLock',"
          + " 'AccessExclusiveLock') AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
          + " AND l.pid IS DISTINCT FROM pg_backend_pid()";

  @Override
  String name() {
    return "PostgreSQL";
  }

  @Override
  Properties connectionProperties(Duration timeout) {
    Properties properties = new Properties();
    long seconds = Math.max(1, timeout.toSeconds());
    properties.setProperty("connectTimeout", Long.toString(seconds));
    properties.setProperty("loginTimeout", Long.toString(seconds));
    properties.setProperty("ApplicationName", "courier-jdbc-source");
    properties.setProperty("tcpKeepAlive", "true");
    // pgjdbc's default (transaction) makes setReadOnly(true) apply only to transactions begun with autocommit off;
    // always also sets the session's default to READ ONLY, so autocommit statements cannot write either.
    properties.setProperty("readOnlyMode", "always");
    return properties;
  }

  /**
   * {@code setReadOnly(true)} with {@code readOnlyMode=always}: pgjdbc runs {@code SET SESSION CHARACTERISTICS AS
   * TRANSACTION READ ONLY} (autocommit statements) and begins each transaction {@code READ ONLY}. Then the server is
   * asked, since a {@code readOnlyMode} in the URL would change what the driver does.
   */
  @Override
  void makeReadOnly(Connection connection) throws SQLException {
    connection.setReadOnly(true);
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SHOW transaction_read_only")) {
      if (!rs.next() || !"on".equalsIgnoreCase(rs.getString(1))) {
        throw new SQLException("the PostgreSQL session is not read-only after setReadOnly(true), which the connector"
            + " needs. Fix: remove readOnlyMode from connection.url (the connector sets readOnlyMode=always)", "0A000");
      }
    }
  }

  @Override
  void prepareSession(Connection connection, ZoneId zone) throws SQLException {
    if (zone == null) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      if (zone instanceof ZoneOffset offset) {
        // An INTERVAL keeps ISO's sign; a string such as '+02:00' would be read as a POSIX zone, west of UTC.
        statement.execute("SET TIME ZONE INTERVAL '" + offset.getId().replace("Z", "+00:00") + "' HOUR TO MINUTE");
      } else {
        statement.execute("SET TIME ZONE '" + zone.getId().replace("'", "''") + "'");
      }
    }
  }

  @Override
  boolean streamsInTransaction() {
    return true;
  }

  @Override
  String after(String timestamp, String incrementing) {
    return "((" + timestamp + ", " + incrementing + ") > (?, ?))";
  }

  @Override
  int bindAfter(PreparedStatement statement, int index, Object timestamp, long incrementing) throws SQLException {
    statement.setObject(index, timestamp);
    statement.setLong(index + 1, incrementing);
    return index + 2;
  }

  @Override
  String clockSql(boolean withTimeZone) {
    return withTimeZone ? "SELECT clock_timestamp()" : "SELECT CAST(clock_timestamp() AS timestamp)";
  }

  @Override
  TableRef resolveTable(Connection connection, String name) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.oid = to_regclass(?)")) {
      statement.setString(1, name);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        String schema = rs.getString(1);
        String table = rs.getString(2);
        String kind = rs.getString(3);
        boolean plain = kind.equals("r") || kind.equals("p");
        return new TableRef(name, connection.getCatalog(), schema, table, plain, quote(schema) + "." + quote(table));
      }
    } catch (SQLException e) {
      if ("42602".equals(e.getSQLState()) || "3F000".equals(e.getSQLState()) || "42601".equals(e.getSQLState())) {
        return null; // an invalid name or an unknown schema
      }
      throw e;
    }
  }

  @Override
  List<String> similarTables(Connection connection, String name) throws SQLException {
    String[] parts = splitName(name.replace("\"", ""));
    List<String> all = strings(connection, "SELECT CASE WHEN pg_table_is_visible(c.oid) THEN c.relname"
        + " ELSE n.nspname || '.' || c.relname END FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
        + " AND n.nspname NOT LIKE 'pg_toast%' LIMIT 10000");
    String wanted = (parts[0] == null ? "" : parts[0] + ".") + parts[1];
    return Suggestions.nearest(wanted, all, SIMILAR_TABLES);
  }

  /**
   * The sequence of a SERIAL or IDENTITY column ({@code pg_get_serial_sequence}), else the one a
   * {@code DEFAULT nextval('...')} names.
   */
  @Override
  String sequenceOf(Connection connection, TableRef table, String column) throws SQLException {
    List<String> owned = strings(connection, "SELECT pg_get_serial_sequence(?, ?)", table.fromSql(), column);
    if (!owned.isEmpty() && owned.get(0) != null) {
      return owned.get(0);
    }
    List<String> defaults = strings(connection, "SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d"
        + " JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
        + " WHERE d.adrelid = CAST(? AS regclass) AND a.attname = ?", table.fromSql(), column);
    if (defaults.isEmpty() || defaults.get(0) == null) {
      return null;
    }
    Matcher nextval = NEXTVAL.matcher(defaults.get(0));
    return nextval.matches() ? nextval.group(1).replace("''", "'") : null;
  }

  @Override
  String incrementingProblem(Connection connection, TableRef table, String column) throws SQLException {
    String sequence = sequenceOf(connection, table, column);
    if (sequence == null) {
      return null;
    }
    List<String> cache = strings(connection, "SELECT seqcache::text FROM pg_sequence WHERE seqrelid = ?::regclass",
        sequence);
    if (!cache.isEmpty() && Long.parseLong(cache.get(0)) > 1) {
      return "the sequence " + sequence + " of " + table.display() + "." + column + " caches " + cache.get(0)
          + " values per session (CACHE " + cache.get(0) + "), so sessions hand out ids out of order and a row can"
          + " commit below ids already delivered. Fix: ALTER SEQUENCE " + sequence + " CACHE 1.";
    }
    return null;
  }

  @Override
  CommitBarrier barrier(TableRef table, String sequence) {
    return new LockBarrier(table == null || !table.plainTable() ? null : table.fromSql(), sequence);
  }

  @Override
  ColumnKind classify(int jdbcType, String typeName, int precision, int scale, boolean signed) {
    String type = typeName == null ? "" : typeName.toLowerCase(java.util.Locale.ROOT);
    if (type.equals("bool")) {
      return ColumnKind.BOOLEAN;
    }
    if (type.equals("bit") || type.equals("varbit")) {
      return precision == 1 && type.equals("bit") ? ColumnKind.BOOLEAN : ColumnKind.STRING;
    }
    if (type.equals("numeric") && (precision <= 0 || precision > 1000)) {
      return ColumnKind.NUMERIC_TEXT;
    }
    if (type.equals("money")) {
      return ColumnKind.STRING;
    }
    if (type.startsWith("_")) {
      return ColumnKind.UNSUPPORTED; // arrays
    }
    return super.classify(jdbcType, typeName, precision, scale, signed);
  }

  @Override
  ColumnKind otherKind(String typeName) {
    // uuid, json, jsonb, interval, inet, cidr, macaddr, xml, enums, ...: their text form is exact.
    return ColumnKind.STRING;
  }

  /** Waits for the transactions holding write locks on the source's relations (or on any, for a query). */
  static final class LockBarrier implements CommitBarrier {
    private final String table;
    private final String sequence;

    LockBarrier(String table, String sequence) {
      this.table = table;
      this.sequence = sequence;
    }

    @Override
    public Set<String> inFlight(Connection connection) throws SQLException {
      String sql;
      List<String> params;
      if (table == null) {
        sql = "SELECT DISTINCT l.virtualtransaction FROM pg_locks l WHERE " + WRITE_LOCKS;
        params = List.of();
      } else {
        sql = "WITH RECURSIVE tree(relid) AS (SELECT CAST(? AS regclass)::oid"
            + (sequence == null ? "" : " UNION SELECT CAST(? AS regclass)::oid")
            + " UNION SELECT i.inhrelid FROM pg_inherits i JOIN tree t ON i.inhparent = t.relid)"
            + " SELECT DISTINCT l.virtualtransaction FROM pg_locks l WHERE " + WRITE_LOCKS
            + " AND l.relation IN (SELECT relid FROM tree)";
        params = sequence == null ? List.of(table) : List.of(table, sequence);
      }
      return new HashSet<>(strings(connection, sql, params.toArray()));
    }

    @Override
    public Set<String> stillRunning(Connection connection, Set<String> transactions) throws SQLException {
      if (transactions.isEmpty()) {
        return Set.of();
      }
      Array ids = connection.createArrayOf("text", transactions.toArray());
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT DISTINCT virtualtransaction FROM pg_locks WHERE virtualtransaction = ANY(?)")) {
        statement.setArray(1, ids);
        Set<String> running = new HashSet<>();
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            running.add(rs.getString(1));
          }
        }
        return running;
      } finally {
        ids.free();
      }
    }

    @Override
    public String describe() {
      return table == null
          ? "transactions holding a write lock on any relation of the database (pg_locks)"
          : "transactions holding a write lock on " + table + ", its partitions"
              + (sequence == null ? "" : " or the sequence " + sequence) + " (pg_locks)";
    }
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/**
 * MariaDB (and MySQL through the MariaDB driver): backtick quoting, a streaming result set (fetch size, no cursor),
 * exact integer types ({@code tinyInt1isBit=false}, {@code yearIsDateType=false}: a TINYINT(1) is a number, not a
 * boolean that would turn 2 into true), and a barrier on {@code information_schema.INNODB_TRX}.
 *
 * <p>MariaDB cannot tell which transactions hold rows of one table, so the barrier waits for every InnoDB
 * transaction that may write: all but autocommit non-locking reads (plain SELECTs outside a transaction) and
 * transactions started READ ONLY. A transaction is identified by its connection id and start time. It waits at least
 * one second after reading the newest value, because InnoDB hands out an AUTO_INCREMENT value before the transaction
 * that takes it is registered (microseconds, within the same row insert).
 */
final class MariaDbDialect extends Dialect {

  @Override
  String name() {
    return "MariaDB";
  }

  @Override
  Properties connectionProperties(Duration timeout) {
    Properties properties = new Properties();
    properties.setProperty("connectTimeout", Long.toString(timeout.toMillis()));
    properties.setProperty("tinyInt1isBit", "false");
    properties.setProperty("yearIsDateType", "false");
    return properties;
  }

  /**
   * {@code SET SESSION TRANSACTION READ ONLY}: every later transaction of the session, autocommit statements included,
   * is read-only. The MariaDB driver's {@code setReadOnly(true)} alone sends nothing to the server (it only picks a
   * replica in replication mode), so it is called for what it says but not relied on.
   */
  @Override
  void makeReadOnly(Connection connection) throws SQLException {
    connection.setReadOnly(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET SESSION TRANSACTION READ ONLY");
    }
  }

  @Override
  void prepareSession(Connection connection, ZoneId zone) throws SQLException {
    if (zone == null) {
      return;
    }
    String id = zone instanceof ZoneOffset offset ? offset.getId().replace("Z", "+00:00") : zone.getId();
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET time_zone = '" + id.replace("'", "''") + "'");
    }
  }

  @Override
  String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  @Override
  String clockSql(boolean withTimeZone) {
    return "SELECT NOW(6)";
  }

  @Override
  String catalogFor(Connection connection, String qualifier) throws SQLException {
    return qualifier != null ? qualifier : connection.getCatalog();
  }

  @Override
  String schemaFor(Connection connection, String qualifier) {
    return null;
  }

  @Override
  ColumnKind classify(int jdbcType, String typeName, int precision, int scale, boolean signed) {
    String type = typeName == null ? "" : typeName.toUpperCase(java.util.Locale.ROOT);
    if (type.startsWith("BIT")) {
      return precision <= 1 ? ColumnKind.BOOLEAN : ColumnKind.BYTES;
    }
    if (type.startsWith("YEAR")) {
      return ColumnKind.INT16;
    }
    if (type.startsWith("GEOMETRY") || type.startsWith("POINT") || type.startsWith("POLYGON")
        || type.startsWith("LINESTRING") || type.startsWith("MULTI")) {
      return ColumnKind.UNSUPPORTED;
    }
    boolean unsigned = !signed || type.contains("UNSIGNED");
    return super.classify(jdbcType, typeName, precision, scale, !unsigned);
  }

  @Override
  CommitBarrier barrier(TableRef table, String sequence) {
    return new InnoDbBarrier();
  }

  /** Waits for the InnoDB transactions that may write. */
  static final class InnoDbBarrier implements CommitBarrier {
    private static final String LIST = "SELECT trx_mysql_thread_id, trx_started FROM information_schema.INNODB_TRX"
        + " WHERE trx_mysql_thread_id <> CONNECTION_ID() AND trx_autocommit_non_locking = 0"
        + " AND trx_is_read_only = 0";

    @Override
    public Set<String> inFlight(Connection connection) throws SQLException {
      Set<String> transactions = new HashSet<>();
      try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(LIST)) {
        while (rs.next()) {
          transactions.add(rs.getLong(1) + "@" + rs.getString(2));
        }
      }
      return transactions;
    }

    @Override
    public Set<String> stillRunning(Connection connection, Set<String> transactions) throws SQLException {
      if (transactions.isEmpty()) {
        return Set.of();
      }
      Set<String> running = inFlight(connection);
      running.retainAll(transactions);
      return running;
    }

    @Override
    public Duration minimumLag() {
      return Duration.ofSeconds(1);
    }

    @Override
    public String describe() {
      return "InnoDB transactions that may write (information_schema.INNODB_TRX)";
    }
  }
}

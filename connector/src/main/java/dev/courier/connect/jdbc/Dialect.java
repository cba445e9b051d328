/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.config.Suggestions;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What differs between databases: connection properties, quoting, streaming, the clock, how tables are found, how
 * column types are classified, and the {@link CommitBarrier}. Chosen from the JDBC URL.
 */
abstract class Dialect {

  /** How many similar tables a "did you mean" names at most. */
  static final int SIMILAR_TABLES = 5;

  /**
   * The dialect of a JDBC URL.
   *
   * @param url the URL
   * @return PostgreSQL, MariaDB (also for jdbc:mysql:), H2 or a generic dialect
   */
  static Dialect forUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return new PostgresDialect();
    }
    if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
      return new MariaDbDialect();
    }
    if (lower.startsWith("jdbc:h2:")) {
      return new H2Dialect();
    }
    return new GenericDialect();
  }

  /**
   * The database's name, for messages.
   *
   * @return for example {@code PostgreSQL}
   */
  abstract String name();

  /**
   * Driver properties besides user and password.
   *
   * @param timeout how long connecting may take
   * @return the properties
   */
  Properties connectionProperties(Duration timeout) {
    return new Properties();
  }

  /**
   * Prepares a new session.
   *
   * @param connection the connection
   * @param zone the session time zone, or null to keep the driver's
   * @throws SQLException when the database refuses
   */
  void prepareSession(Connection connection, ZoneId zone) throws SQLException {
    if (zone != null) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET TIME ZONE '" + zone.getId().replace("'", "''") + "'");
      }
    }
  }

  /**
   * Makes a new session read-only, so that nothing the connector runs (its own SQL, a custom {@code query}, a function
   * that query calls) can write. Here: {@link Connection#setReadOnly(boolean)}, which the JDBC specification makes
   * only a hint; H2's driver, for one, ignores it, so on such databases grant the connector's user SELECT only.
   *
   * @param connection a new connection in autocommit mode
   * @throws SQLException when the session cannot be made read-only
   */
  void makeReadOnly(Connection connection) throws SQLException {
    connection.setReadOnly(true);
  }

  /**
   * Quotes an identifier.
   *
   * @param identifier the exact name
   * @return the quoted name
   */
  String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /**
   * Whether streaming a result needs a transaction (autocommit off) on this database.
   *
   * @return true for PostgreSQL, whose driver fetches in chunks only inside a transaction
   */
  boolean streamsInTransaction() {
    return false;
  }

  /**
   * Sets up a statement so its result is streamed rather than loaded whole.
   *
   * @param statement the statement
   * @param fetchSize rows per round trip
   * @throws SQLException when the driver refuses
   */
  void configureStreaming(Statement statement, int fetchSize) throws SQLException {
    statement.setFetchSize(fetchSize);
  }

  /**
   * The condition "the row comes after the position (timestamp, incrementing)", with three parameters: timestamp,
   * timestamp, incrementing.
   *
   * @param timestamp the quoted timestamp column
   * @param incrementing the quoted incrementing column
   * @return the condition
   */
  String after(String timestamp, String incrementing) {
    return "(" + timestamp + " > ? OR (" + timestamp + " = ? AND " + incrementing + " > ?))";
  }

  /**
   * Binds the parameters of {@link #after}.
   *
   * @param statement the statement
   * @param index the first parameter's index
   * @param timestamp the position's timestamp
   * @param incrementing the position's incrementing value
   * @return the index of the next parameter
   * @throws SQLException when the driver refuses
   */
  int bindAfter(PreparedStatement statement, int index, Object timestamp, long incrementing) throws SQLException {
    statement.setObject(index, timestamp);
    statement.setObject(index + 1, timestamp);
    statement.setLong(index + 2, incrementing);
    return index + 3;
  }

  /**
   * The query reading the database clock as one value of the timestamp column's type.
   *
   * @param withTimeZone whether the column has a time zone
   * @return the SELECT
   */
  String clockSql(boolean withTimeZone) {
    return withTimeZone ? "SELECT CURRENT_TIMESTAMP" : "SELECT LOCALTIMESTAMP";
  }

  /**
   * The barrier for a source.
   *
   * @param table the table, or null for a query
   * @param sequence the incrementing column's sequence (PostgreSQL), or null
   * @return the barrier, or null when this database has none
   */
  abstract CommitBarrier barrier(TableRef table, String sequence);

  /**
   * A problem with the incrementing column that could lose rows, such as a sequence that caches values.
   *
   * @param connection a connection
   * @param table the table
   * @param column the column's exact name
   * @return the problem, or null
   * @throws SQLException when the database cannot be asked
   */
  String incrementingProblem(Connection connection, TableRef table, String column) throws SQLException {
    return null;
  }

  /**
   * The sequence that gives the incrementing column its values, watched by the barrier.
   *
   * @param connection a connection
   * @param table the table
   * @param column the column's exact name
   * @return the sequence's qualified name, or null
   * @throws SQLException when the database cannot be asked
   */
  String sequenceOf(Connection connection, TableRef table, String column) throws SQLException {
    return null;
  }

  /**
   * Finds a table by the name given in {@code table.names}.
   *
   * @param connection a connection
   * @param name the name as written
   * @return the table, or null when there is none
   * @throws SQLException when the database cannot be asked
   * @throws IllegalArgumentException when the name matches several tables that differ only in case
   */
  TableRef resolveTable(Connection connection, String name) throws SQLException {
    String[] parts = splitName(name);
    String qualifier = parts[0];
    String table = parts[1];
    DatabaseMetaData meta = connection.getMetaData();
    String catalog = catalogFor(connection, qualifier);
    String schema = schemaFor(connection, qualifier);
    List<String[]> found = tables(meta, catalog, schema, escape(meta, table));
    List<String[]> exact = found.stream().filter(t -> t[2].equals(table)).toList();
    if (exact.isEmpty()) {
      exact = tables(meta, catalog, schema, "%").stream().filter(t -> t[2].equalsIgnoreCase(table)).toList();
    }
    if (exact.isEmpty()) {
      return null;
    }
    if (exact.size() > 1) {
      throw new IllegalArgumentException(name + " matches " + exact.stream().map(t -> t[2]).toList()
          + ", which differ only in case; write the exact name");
    }
    String[] t = exact.get(0);
    boolean plain = t[3] != null && t[3].toUpperCase(Locale.ROOT).contains("TABLE")
        && !t[3].toUpperCase(Locale.ROOT).contains("SYSTEM");
    String qualifierName = t[1] != null ? t[1] : t[0];
    String from = (qualifierName == null ? "" : quote(qualifierName) + ".") + quote(t[2]);
    return new TableRef(name, t[0], t[1], t[2], plain, from);
  }

  /**
   * Table names like a missing one, for "did you mean".
   *
   * @param connection a connection
   * @param name the missing name
   * @return up to five names
   * @throws SQLException when the database cannot be asked
   */
  List<String> similarTables(Connection connection, String name) throws SQLException {
    String[] parts = splitName(name);
    DatabaseMetaData meta = connection.getMetaData();
    List<String[]> all = tables(meta, catalogFor(connection, parts[0]), schemaFor(connection, parts[0]), "%");
    return Suggestions.nearest(parts[1], all.stream().map(t -> t[2]).toList(), SIMILAR_TABLES);
  }

  /** The catalog to search for a qualifier (null: the connection's). */
  String catalogFor(Connection connection, String qualifier) throws SQLException {
    return connection.getCatalog();
  }

  /** The schema to search for a qualifier (null: the connection's). */
  String schemaFor(Connection connection, String qualifier) throws SQLException {
    return qualifier != null ? qualifier : connection.getSchema();
  }

  /**
   * Classifies a result column.
   *
   * @param jdbcType the {@link Types} constant
   * @param typeName the database's type name
   * @param precision the precision
   * @param scale the scale
   * @param signed whether the driver says the column is signed
   * @return the kind
   */
  ColumnKind classify(int jdbcType, String typeName, int precision, int scale, boolean signed) {
    String type = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
    switch (jdbcType) {
      case Types.BOOLEAN:
        return ColumnKind.BOOLEAN;
      case Types.BIT:
        return precision <= 1 || type.startsWith("bool") ? ColumnKind.BOOLEAN : ColumnKind.BYTES;
      case Types.TINYINT:
        return signed ? ColumnKind.INT8 : ColumnKind.INT16;
      case Types.SMALLINT:
        return signed ? ColumnKind.INT16 : ColumnKind.INT32;
      case Types.INTEGER:
        return signed ? ColumnKind.INT32 : ColumnKind.INT64;
      case Types.BIGINT:
        return signed ? ColumnKind.INT64 : ColumnKind.DECIMAL;
      case Types.REAL:
        return ColumnKind.FLOAT32;
      case Types.FLOAT:
      case Types.DOUBLE:
        return ColumnKind.FLOAT64;
      case Types.NUMERIC:
      case Types.DECIMAL:
        return precision > 0 && scale >= 0 && scale <= precision ? ColumnKind.DECIMAL : ColumnKind.NUMERIC_TEXT;
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
      case Types.NCHAR:
      case Types.NVARCHAR:
      case Types.LONGNVARCHAR:
      case Types.CLOB:
      case Types.NCLOB:
      case Types.SQLXML:
        return ColumnKind.STRING;
      case Types.BINARY:
      case Types.VARBINARY:
      case Types.LONGVARBINARY:
      case Types.BLOB:
        return ColumnKind.BYTES;
      case Types.DATE:
        return ColumnKind.DATE;
      case Types.TIME:
        return type.equals("timetz") ? ColumnKind.TIME_TZ : ColumnKind.TIME;
      case Types.TIME_WITH_TIMEZONE:
        return ColumnKind.TIME_TZ;
      case Types.TIMESTAMP:
        return type.equals("timestamptz") ? ColumnKind.TIMESTAMP_TZ : ColumnKind.TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return ColumnKind.TIMESTAMP_TZ;
      case Types.NULL:
        return ColumnKind.NULL;
      case Types.OTHER:
        return otherKind(type);
      default:
        return ColumnKind.UNSUPPORTED;
    }
  }

  /**
   * The kind of a column of JDBC type OTHER.
   *
   * @param typeName the lower-case type name
   * @return the kind
   */
  ColumnKind otherKind(String typeName) {
    return ColumnKind.UNSUPPORTED;
  }

  /** Splits {@code a.b} into qualifier and name; a name without a dot has a null qualifier. */
  static String[] splitName(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? new String[] {null, name} : new String[] {name.substring(0, dot), name.substring(dot + 1)};
  }

  private static List<String[]> tables(DatabaseMetaData meta, String catalog, String schema, String pattern)
      throws SQLException {
    List<String[]> tables = new ArrayList<>();
    try (ResultSet rs = meta.getTables(catalog, schema, pattern, null)) {
      while (rs.next() && tables.size() < 10_000) {
        tables.add(new String[] {rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"),
            rs.getString("TABLE_TYPE")});
      }
    }
    return tables;
  }

  private static String escape(DatabaseMetaData meta, String name) throws SQLException {
    String escape = meta.getSearchStringEscape();
    if (escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
  }

  /** Runs a query that returns one column of strings. */
  static List<String> strings(Connection connection, String sql, Object... params) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
    }
    return values;
  }
}

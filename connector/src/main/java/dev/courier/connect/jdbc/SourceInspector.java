/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.Reading;
import dev.courier.config.MessageDescriptor;
import dev.courier.connect.CourierSourceConfig;
import dev.courier.connect.MessageMapping;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resolves the configured tables or query against the database and checks everything a task relies on: the tables
 * exist, every column has a type the connector maps, the position columns exist and have usable types (NOT NULL,
 * unique for tables), the key column exists, {@code message.class} fits the columns, and the barrier is available.
 * Each problem is kept under the config key it is about, for {@code validate()}; a task fails on the first batch of
 * problems with all of them in one message.
 */
final class SourceInspector {

  /** The query's alias in the SQL the connector runs. */
  static final String QUERY_ALIAS = "courier_q";
  /** The SQLState of a write in a read-only transaction (PostgreSQL, MariaDB and MySQL alike). */
  private static final String READ_ONLY_VIOLATION = "25006";

  private final JdbcSourceConnectorConfig config;
  private final Dialect dialect;
  private final MessageDescriptor descriptor;
  private final Map<String, List<String>> problems = new LinkedHashMap<>();

  SourceInspector(JdbcSourceConnectorConfig config, Dialect dialect, MessageDescriptor descriptor) {
    this.config = config;
    this.dialect = dialect;
    this.descriptor = descriptor;
  }

  /**
   * The problems found so far, by config key.
   *
   * @return key to messages, in the order found
   */
  Map<String, List<String>> problems() {
    return problems;
  }

  /**
   * Inspects a table of {@code table.names}.
   *
   * @param connection a connection
   * @param name the name as written
   * @return the spec, or null when there are problems
   * @throws SQLException when the database fails (not when the table is missing)
   */
  SourceSpec table(Connection connection, String name) throws SQLException {
    TableRef table;
    try {
      table = dialect.resolveTable(connection, name);
    } catch (IllegalArgumentException e) {
      add(JdbcSourceConnectorConfig.TABLE_NAMES_CONFIG, "table " + e.getMessage());
      return null;
    }
    if (table == null) {
      List<String> similar = dialect.similarTables(connection, name);
      add(JdbcSourceConnectorConfig.TABLE_NAMES_CONFIG, "table " + name + " does not exist in the "
          + dialect.name() + " database of connection.url (or the user cannot see it)"
          + (similar.isEmpty() ? "" : "; did you mean " + String.join(", ", similar) + "?"));
      return null;
    }
    return inspect(connection, table, table.fromSql(), "table " + table.display(), JdbcOffsets.tablePartition(name),
        JdbcSourceConnectorConfig.TABLE_NAMES_CONFIG);
  }

  /**
   * Inspects the custom query.
   *
   * @param connection a connection
   * @param query the query
   * @return the spec, or null when there are problems
   * @throws SQLException when the database fails (not when the query is invalid)
   */
  SourceSpec query(Connection connection, String query) throws SQLException {
    return inspect(connection, null, "(" + query + ") " + QUERY_ALIAS, "query", JdbcOffsets.queryPartition(),
        JdbcSourceConnectorConfig.QUERY_CONFIG);
  }

  /**
   * Checks the custom query for {@code validate()}: reads its first row, then inspects it as {@link #query} does,
   * never in autocommit but in transactions of the read-only connection that are rolled back. A query that writes
   * (a function with side effects, say) is refused by the database, reported on {@code query}, and leaves nothing.
   *
   * @param connection a connection of {@link Connections#open}
   * @param query the query
   * @throws SQLException when the database fails (not when the query is invalid)
   */
  void checkQuery(Connection connection, String query) throws SQLException {
    connection.setAutoCommit(false);
    try {
      boolean read = readFirstRow(connection, query);
      connection.rollback();
      if (read) {
        query(connection, query);
      }
    } finally {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }

  /** Reads the query's first row, as the task will; false when that failed (and was reported). */
  private boolean readFirstRow(Connection connection, String query) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM (" + query + ") " + QUERY_ALIAS)) {
      statement.setMaxRows(1);
      statement.setFetchSize(1);
      statement.setQueryTimeout((int) Math.max(1, config.connectionTimeout().toSeconds()));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
      }
      return true;
    } catch (SQLException e) {
      if (READ_ONLY_VIOLATION.equals(e.getSQLState())) {
        add(JdbcSourceConnectorConfig.QUERY_CONFIG, "the query writes to the database ("
            + Connections.describe(e, config) + "). The connector reads through a read-only connection, so it could"
            + " never run it; this check was rolled back. Fix: make query a SELECT that only reads, without"
            + " data-modifying statements or functions that write.");
        return false;
      }
      if (Connections.isTransient(e)) {
        // A slow query (the timeout) or a lost connection: the inspection that follows still checks the columns.
        return true;
      }
      add(JdbcSourceConnectorConfig.QUERY_CONFIG, "cannot read query: " + Connections.describe(e, config));
      return false;
    }
  }

  private SourceSpec inspect(Connection connection, TableRef table, String fromSql, String display,
      Map<String, String> partition, String sourceKey) throws SQLException {
    int before = count();
    List<JdbcColumn> columns = columns(connection, fromSql, display, sourceKey);
    if (columns == null) {
      return null;
    }
    JdbcMode mode = config.mode();
    TemporalMapping temporal = config.temporalMapping();
    JdbcColumn incrementing = null;
    JdbcColumn timestamp = null;
    Set<String> positionLabels = new HashSet<>();
    if (mode.usesIncrementing()) {
      incrementing = positionColumn(columns, config.incrementingColumn(),
          JdbcSourceConnectorConfig.INCREMENTING_COLUMN_CONFIG, display);
      if (incrementing != null) {
        positionLabels.add(incrementing.label());
        checkIncrementing(connection, table, incrementing, display);
      }
    }
    if (mode.usesTimestamp()) {
      timestamp = positionColumn(columns, config.timestampColumn(), JdbcSourceConnectorConfig.TIMESTAMP_COLUMN_CONFIG,
          display);
      if (timestamp != null) {
        positionLabels.add(timestamp.label());
        checkTimestamp(table, timestamp, display);
      }
    }
    RowConverter converter = null;
    if (mode == JdbcMode.OUTBOX) {
      List<String> outboxProblems = new ArrayList<>();
      converter = OutboxRows.match(columns, display, outboxProblems);
      outboxProblems.forEach(p -> add(sourceKey, p));
    } else if (descriptor == null) {
      for (JdbcColumn column : columns) {
        checkMappable(column, display, sourceKey, temporal);
      }
      String keyMember = config.keyMember();
      if (keyMember != null && JdbcColumn.byLabel(columns, keyMember) == null) {
        add(config.keyMemberKey(), config.keyMemberKey() + "=" + keyMember + " is not a column of " + display
            + " (columns: " + labels(columns) + ")");
      }
      if (count() == before) {
        converter = new PlainRows(columns, temporal);
      }
    } else {
      for (JdbcColumn column : columns) {
        if (column.kind() == ColumnKind.UNSUPPORTED) {
          unsupported(column, display, sourceKey);
        }
      }
      List<String> messageProblems = new ArrayList<>();
      boolean skipOthers =
          MessageMapping.effectiveReading(descriptor, config.messageReading()) == Reading.TOLERANT;
      converter = MessageRows.match(descriptor, columns, positionLabels, skipOthers, display, messageProblems);
      messageProblems.forEach(p -> add(CourierSourceConfig.MESSAGE_CLASS_CONFIG, p));
    }
    CommitBarrier barrier = null;
    if (mode != JdbcMode.BULK && config.commitBarrier()) {
      String sequence = table != null && incrementing != null
          ? dialect.sequenceOf(connection, table, incrementing.label()) : null;
      barrier = dialect.barrier(table, sequence);
      if (barrier == null) {
        add(JdbcSourceConnectorConfig.COMMIT_BARRIER_CONFIG, "commit.barrier=auto has no way to list in-flight"
            + " transactions on " + dialect.name() + " (it does on PostgreSQL, MariaDB, MySQL and H2). Fix: set"
            + " commit.barrier=none and a lag (" + JdbcSourceConnectorConfig.INCREMENTING_LAG_CONFIG + " or "
            + JdbcSourceConnectorConfig.TIMESTAMP_LAG_CONFIG + ") longer than your longest transaction.");
      } else {
        try {
          barrier.inFlight(connection);
        } catch (SQLException e) {
          add(JdbcSourceConnectorConfig.COMMIT_BARRIER_CONFIG, "commit.barrier=auto cannot list in-flight"
              + " transactions (" + barrier.describe() + "): " + Connections.describe(e, config)
              + (dialect instanceof MariaDbDialect ? ". Fix: GRANT PROCESS ON *.* TO the connector's user, or set"
                  + " commit.barrier=none." : ""));
        }
      }
    }
    if (count() != before) {
      return null;
    }
    return new SourceSpec(partition, display, table, fromSql, columns, incrementing, timestamp, barrier, converter,
        dialect);
  }

  /** The columns of a source, from the metadata of a SELECT that returns no rows. */
  List<JdbcColumn> columns(Connection connection, String fromSql, String display, String sourceKey)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + fromSql + " WHERE 1 = 0");
        ResultSet rs = statement.executeQuery()) {
      return columns(rs.getMetaData(), display, sourceKey);
    } catch (SQLException e) {
      if (Connections.isTransient(e)) {
        throw e;
      }
      add(sourceKey, "cannot read " + display + ": " + Connections.describe(e, config));
      return null;
    } finally {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    }
  }

  /**
   * Builds the columns from a result's metadata.
   *
   * @param meta the metadata
   * @param display the source, for messages
   * @param sourceKey the config key problems go to
   * @return the columns, or null when two share a label
   * @throws SQLException when the driver cannot say
   */
  List<JdbcColumn> columns(ResultSetMetaData meta, String display, String sourceKey) throws SQLException {
    List<JdbcColumn> columns = new ArrayList<>();
    Map<String, Integer> seen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      String label = meta.getColumnLabel(i);
      if (seen.containsKey(label)) {
        add(sourceKey, display + " has two columns named " + label + " (columns " + seen.get(label) + " and " + i
            + "); Connect field names must differ. Fix: use query with aliases.");
        return null;
      }
      seen.put(label, i);
      int type = meta.getColumnType(i);
      String typeName = meta.getColumnTypeName(i);
      int precision = meta.getPrecision(i);
      int scale = meta.getScale(i);
      boolean signed;
      try {
        signed = meta.isSigned(i);
      } catch (SQLException e) {
        signed = true;
      }
      boolean nullable = meta.isNullable(i) != ResultSetMetaData.columnNoNulls;
      ColumnKind kind = dialect.classify(type, typeName, precision, scale, signed);
      if (kind == ColumnKind.DECIMAL && !(type == java.sql.Types.NUMERIC || type == java.sql.Types.DECIMAL)) {
        scale = 0; // BIGINT UNSIGNED
      }
      columns.add(new JdbcColumn(label, i, type, typeName, precision, scale, nullable, kind));
    }
    return columns;
  }

  private void checkMappable(JdbcColumn column, String display, String sourceKey, TemporalMapping temporal) {
    if (column.kind() == ColumnKind.UNSUPPORTED) {
      unsupported(column, display, sourceKey);
      return;
    }
    if (temporal != TemporalMapping.CONNECT) {
      return;
    }
    if (column.kind() == ColumnKind.TIME_TZ) {
      add(JdbcSourceConnectorConfig.TEMPORAL_MAPPING_CONFIG, "column " + column.label() + " of " + display + " is "
          + column.describeType() + ", which Connect's logical types cannot hold (they have no time zone). Fix:"
          + " temporal.mapping=string, or cast it in a query.");
    } else if ((column.kind() == ColumnKind.TIME || column.kind() == ColumnKind.TIMESTAMP
        || column.kind() == ColumnKind.TIMESTAMP_TZ) && column.scale() > 3) {
      add(JdbcSourceConnectorConfig.TEMPORAL_MAPPING_CONFIG, "column " + column.label() + " of " + display + " is "
          + column.describeType() + " with " + column.scale() + " fractional digits, finer than the milliseconds of"
          + " Connect's Time and Timestamp. Fix: temporal.mapping=string (exact), or declare the column with at most"
          + " 3 digits (e.g. timestamp(3)).");
    }
  }

  private void unsupported(JdbcColumn column, String display, String sourceKey) {
    add(sourceKey, "column " + column.label() + " of " + display + " has the type " + column.describeType()
        + " (JDBC type " + column.jdbcType() + "), which the JDBC source does not map (it maps numbers, text,"
        + " binary, boolean, date and time types). Fix: use query and cast it, e.g. CAST(" + column.label()
        + " AS VARCHAR(...)) AS " + column.label() + ", or leave it out.");
  }

  private JdbcColumn positionColumn(List<JdbcColumn> columns, String name, String key, String display) {
    if (name == null) {
      add(key, key + " is required in mode " + config.mode().configValue() + ". Fix: name the column.");
      return null;
    }
    JdbcColumn column = JdbcColumn.byLabel(columns, name);
    if (column == null) {
      add(key, key + "=" + name + " is not a column of " + display + " (columns: " + labels(columns) + ")");
    }
    return column;
  }

  private void checkIncrementing(Connection connection, TableRef table, JdbcColumn column, String display)
      throws SQLException {
    String key = JdbcSourceConnectorConfig.INCREMENTING_COLUMN_CONFIG;
    boolean integral = column.kind().isIntegral() || (column.kind() == ColumnKind.DECIMAL && column.scale() == 0);
    if (!integral) {
      add(key, "column " + column.label() + " of " + display + " is " + column.describeType() + "; the incrementing"
          + " column must be an integer type (SMALLINT, INTEGER, BIGINT, or NUMERIC/DECIMAL with scale 0)");
      return;
    }
    if (table == null) {
      return;
    }
    if (column.nullable()) {
      add(key, "column " + column.label() + " of " + display + " may be NULL; rows with a NULL "
          + "incrementing value could never be read. Fix: declare it NOT NULL (a primary key), or use query with"
          + " a non-null expression.");
    }
    if (table.plainTable() && !unique(connection, table, column.label())) {
      add(key, "column " + column.label() + " of " + display + " has no unique index or primary key of its own; two"
          + " rows with the same value could be split by a restart and one of them skipped. Fix: make it the"
          + " primary key or add a unique index on it alone.");
    }
    String problem = dialect.incrementingProblem(connection, table, column.label());
    if (problem != null) {
      add(key, problem);
    }
  }

  private void checkTimestamp(TableRef table, JdbcColumn column, String display) {
    String key = JdbcSourceConnectorConfig.TIMESTAMP_COLUMN_CONFIG;
    if (column.kind() != ColumnKind.TIMESTAMP && column.kind() != ColumnKind.TIMESTAMP_TZ) {
      add(key, "column " + column.label() + " of " + display + " is " + column.describeType() + "; the timestamp"
          + " column must be a TIMESTAMP or TIMESTAMP WITH TIME ZONE (MariaDB: DATETIME or TIMESTAMP)");
      return;
    }
    if (table != null && column.nullable()) {
      add(key, "column " + column.label() + " of " + display + " may be NULL; rows with a NULL timestamp could never"
          + " be read. Fix: declare it NOT NULL, or use query with COALESCE(...) AS " + column.label() + ".");
    }
  }

  private boolean unique(Connection connection, TableRef table, String column) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    Map<String, List<String>> indexes = new TreeMap<>();
    try (ResultSet rs = meta.getIndexInfo(table.catalog(), table.schema(), table.table(), true, true)) {
      while (rs.next()) {
        String index = rs.getString("INDEX_NAME");
        String name = rs.getString("COLUMN_NAME");
        if (index != null && name != null && !rs.getBoolean("NON_UNIQUE")) {
          indexes.computeIfAbsent(index, k -> new ArrayList<>()).add(name);
        }
      }
    }
    try (ResultSet rs = meta.getPrimaryKeys(table.catalog(), table.schema(), table.table())) {
      List<String> key = new ArrayList<>();
      while (rs.next()) {
        key.add(rs.getString("COLUMN_NAME"));
      }
      if (!key.isEmpty()) {
        indexes.put("(primary key)", key);
      }
    }
    return indexes.values().stream().anyMatch(c -> c.size() == 1 && c.get(0).equals(column));
  }

  private static String labels(List<JdbcColumn> columns) {
    return String.join(", ", columns.stream().map(JdbcColumn::label).toList());
  }

  private void add(String key, String message) {
    problems.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
  }

  private int count() {
    return problems.values().stream().mapToInt(List::size).sum();
  }
}

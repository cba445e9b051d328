/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link JdbcSourceTask}'s one database connection: opens it, and after an SQL error decides whether to
 * retry (a transient error, or any error but a refused login while the sources were never resolved) and when
 * ({@code connection.backoff.ms} later), and closes it. It also knows the query executing on it, so that
 * {@code stop()}, called from another thread, can cancel it. It neither resolves sources nor reads rows.
 */
final class ConnectionKeeper {

  // The task's logger, so operators keep configuring one logger for the task's messages.
  private static final Logger LOG = LoggerFactory.getLogger(JdbcSourceTask.class);

  private final JdbcSourceConnectorConfig config;
  private final Dialect dialect;
  private volatile Statement running;
  private Connection connection;
  private long reconnectAt;

  ConnectionKeeper(JdbcSourceConnectorConfig config, Dialect dialect) {
    this.config = config;
    this.dialect = dialect;
  }

  /** The open connection, or null. */
  Connection connection() {
    return connection;
  }

  /**
   * Opens the connection, unless the backoff after a failure is still running.
   *
   * @return whether it opened it
   */
  boolean open(long now) throws SQLException {
    if (now < reconnectAt) {
      return false;
    }
    connection = Connections.open(config, dialect);
    return true;
  }

  /**
   * Whether an SQL error is worth reconnecting for: a transient one, or, while the sources were never resolved,
   * any but a refused login (SQL state class 28).
   */
  boolean retries(SQLException e, boolean connecting) {
    boolean authentication = e.getSQLState() != null && e.getSQLState().startsWith("28");
    return Connections.isTransient(e) || (connecting && !authentication);
  }

  /**
   * Holds off the next {@link #open} for {@code connection.backoff.ms}.
   *
   * @return the backoff, in milliseconds
   */
  long backOff(long now) {
    long backoff = config.connectionBackoff().toMillis();
    reconnectAt = now + backoff;
    return backoff;
  }

  /** When the next attempt to open a connection is due: never while one is open. */
  long nextAttempt() {
    return connection == null ? reconnectAt : Long.MAX_VALUE;
  }

  /** Tells the statement whose query is executing (null once it returned), for {@link #cancelRunning}. */
  void running(Statement statement) {
    running = statement;
  }

  /** Cancels the query executing, if any; called from another thread than the one reading. */
  void cancelRunning() {
    Statement statement = running;
    if (statement != null) {
      try {
        statement.cancel();
      } catch (SQLException | RuntimeException e) {
        LOG.debug("Cancelling the running query failed", e);
      }
    }
  }

  /** Closes the connection, ignoring errors. */
  void close() {
    Connections.closeQuietly(connection);
    connection = null;
  }
}

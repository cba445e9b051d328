/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** An in-memory H2 database for one test, alive until closed. */
final class H2Db implements AutoCloseable {

  final String url;
  private final Connection keepAlive;

  H2Db() throws SQLException {
    url = "jdbc:h2:mem:courier_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    keepAlive = DriverManager.getConnection(url);
  }

  /** A new session (for concurrent transactions). */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  void exec(String... sql) throws SQLException {
    try (Statement statement = keepAlive.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }

  static void exec(Connection connection, String... sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    exec("SHUTDOWN");
    keepAlive.close();
  }
}

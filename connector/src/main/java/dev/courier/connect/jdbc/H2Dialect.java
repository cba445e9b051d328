/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * H2 (for tests and embedded use): standard SQL, and a barrier that waits for the sessions holding uncommitted
 * changes ({@code INFORMATION_SCHEMA.SESSIONS.CONTAINS_UNCOMMITTED}). A session that keeps writing without pause
 * holds the barrier as long as it does.
 */
final class H2Dialect extends Dialect {

  @Override
  String name() {
    return "H2";
  }

  @Override
  String clockSql(boolean withTimeZone) {
    return withTimeZone ? "SELECT CURRENT_TIMESTAMP(9)" : "SELECT LOCALTIMESTAMP(9)";
  }

  @Override
  ColumnKind otherKind(String typeName) {
    return typeName.startsWith("json") || typeName.startsWith("interval") ? ColumnKind.STRING
        : ColumnKind.UNSUPPORTED;
  }

  @Override
  CommitBarrier barrier(TableRef table, String sequence) {
    return new CommitBarrier() {
      private static final String LIST = "SELECT CAST(SESSION_ID AS VARCHAR) FROM INFORMATION_SCHEMA.SESSIONS"
          + " WHERE CONTAINS_UNCOMMITTED AND SESSION_ID <> SESSION_ID()";

      @Override
      public Set<String> inFlight(Connection connection) throws SQLException {
        return new HashSet<>(strings(connection, LIST));
      }

      @Override
      public Set<String> stillRunning(Connection connection, Set<String> transactions) throws SQLException {
        Set<String> running = inFlight(connection);
        running.retainAll(transactions);
        return running;
      }

      @Override
      public String describe() {
        return "H2 sessions with uncommitted changes";
      }
    };
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** {@link JdbcSourceItBase} on the real PostgreSQL of this machine: how to reach it, create and drop tables. */
abstract class PostgresItBase extends JdbcSourceItBase {

  @Override
  Connection open() throws SQLException {
    return JdbcIt.postgres();
  }

  @Override
  String createTable(String name, String columns) {
    return "CREATE TABLE " + name + " (" + columns + ")";
  }

  @Override
  String[] dropTable(String name) {
    return new String[] {"DROP TABLE IF EXISTS " + name, "DROP SEQUENCE IF EXISTS " + name + "_seq"};
  }

  /** A connector config for PostgreSQL as user postgres (see {@link JdbcIt#config}). */
  Map<String, String> pg(String topic, String... more) {
    return JdbcIt.config(JdbcIt.POSTGRES_URL, "postgres", topic, more);
  }
}

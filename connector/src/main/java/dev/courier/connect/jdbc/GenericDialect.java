/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

/** Any other database with a JDBC driver: standard SQL through the driver's metadata, and no barrier. */
final class GenericDialect extends Dialect {

  @Override
  String name() {
    return "this database";
  }

  @Override
  CommitBarrier barrier(TableRef table, String sequence) {
    return null;
  }
}

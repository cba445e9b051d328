/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

/**
 * A table (or view) found in the database for a name of {@code table.names}.
 *
 * @param configured the name as written in {@code table.names} (the source partition)
 * @param catalog the catalog (MariaDB: the database), or null
 * @param schema the schema, or null
 * @param table the table's exact name
 * @param plainTable whether it is a table (or partitioned table) rather than a view or another relation, so a
 *     barrier can watch the table itself
 * @param fromSql the quoted, qualified name to select from
 */
record TableRef(String configured, String catalog, String schema, String table, boolean plainTable, String fromSql) {

  /**
   * The qualified name for messages, for example {@code public.orders}.
   *
   * @return the name
   */
  String display() {
    String qualifier = schema != null ? schema : catalog;
    return qualifier == null ? table : qualifier + "." + table;
  }
}

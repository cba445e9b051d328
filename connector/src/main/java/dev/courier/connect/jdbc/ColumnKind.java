/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

/**
 * What a result column holds, decided from its JDBC type, type name, precision and scale. Each kind has one Connect
 * schema (see {@link JdbcColumn#schema(TemporalMapping)}) and one way to read it.
 */
enum ColumnKind {
  /** BOOLEAN, BIT(1), PostgreSQL bool, MariaDB TINYINT(1)/BOOLEAN: Connect BOOLEAN. */
  BOOLEAN,
  /** TINYINT: Connect INT8. */
  INT8,
  /** SMALLINT, TINYINT UNSIGNED, MariaDB YEAR: Connect INT16. */
  INT16,
  /** INTEGER, MEDIUMINT, SMALLINT UNSIGNED: Connect INT32. */
  INT32,
  /** BIGINT, INTEGER UNSIGNED: Connect INT64. */
  INT64,
  /** REAL, MariaDB FLOAT: Connect FLOAT32. */
  FLOAT32,
  /** DOUBLE PRECISION, JDBC FLOAT: Connect FLOAT64. */
  FLOAT64,
  /** NUMERIC/DECIMAL with a declared scale, BIGINT UNSIGNED: Connect Decimal (logical) with that scale. */
  DECIMAL,
  /** NUMERIC without a declared precision and scale (PostgreSQL): Connect STRING with the exact digits. */
  NUMERIC_TEXT,
  /** CHAR, VARCHAR, TEXT, CLOB, JSON, UUID, ENUM, XML, INTERVAL and other types read as text: Connect STRING. */
  STRING,
  /** BINARY, VARBINARY, BLOB, bytea, MariaDB BIT(n > 1): Connect BYTES. */
  BYTES,
  /** DATE: ISO STRING or Connect Date. */
  DATE,
  /** TIME: ISO STRING or Connect Time. */
  TIME,
  /** TIME WITH TIME ZONE: ISO STRING with offset (no Connect logical type). */
  TIME_TZ,
  /** TIMESTAMP (no time zone; MariaDB DATETIME and TIMESTAMP): ISO STRING or Connect Timestamp (read as UTC). */
  TIMESTAMP,
  /** TIMESTAMP WITH TIME ZONE: ISO STRING of the UTC instant, or Connect Timestamp. */
  TIMESTAMP_TZ,
  /** A column of SQL NULL type (e.g. {@code SELECT NULL AS x}): an optional STRING that is always null. */
  NULL,
  /** Anything else (arrays, structs, geometry, ...): refused by validate(); cast it in a query. */
  UNSUPPORTED;

  /**
   * Whether the kind holds whole numbers.
   *
   * @return true for the integer kinds
   */
  boolean isIntegral() {
    return this == INT8 || this == INT16 || this == INT32 || this == INT64;
  }

  /**
   * Whether the kind holds numbers.
   *
   * @return true for integer, floating-point and decimal kinds
   */
  boolean isNumeric() {
    return isIntegral() || this == FLOAT32 || this == FLOAT64 || this == DECIMAL || this == NUMERIC_TEXT;
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.connect.BadRecordException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/** Turns the raw values of one row (in column order, from {@link JdbcColumn#readRaw}) into a record value. */
interface RowConverter {

  /**
   * The value schema.
   *
   * @return a STRUCT schema
   */
  Schema schema();

  /**
   * Converts a row.
   *
   * @param raw the row's raw values, one per column
   * @return the value
   * @throws BadRecordException when a value does not fit, naming the column or member and the value
   */
  Struct convert(Object[] raw) throws BadRecordException;
}

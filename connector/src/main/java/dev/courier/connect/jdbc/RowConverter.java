/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.connect.BadRecordException;
import dev.courier.connect.MessageMapping;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/** Turns the raw values of one row (in column order, from {@link JdbcColumn#readRaw}) into a record. */
interface RowConverter {

  /**
   * Converts a row.
   *
   * @param mapping where the record goes and how it is keyed
   * @param partition the source partition
   * @param offset the source offset after this row
   * @param raw the row's raw values, one per column
   * @return the record
   * @throws BadRecordException when a value does not fit, naming the column or member and the value
   */
  SourceRecord record(MessageMapping mapping, Map<String, ?> partition, Map<String, ?> offset, Object[] raw)
      throws BadRecordException;
}

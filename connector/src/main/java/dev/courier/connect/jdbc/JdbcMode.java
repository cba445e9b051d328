/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.connect.ConfigChoice;

/** How the JDBC source finds the rows it has not delivered yet. */
public enum JdbcMode implements ConfigChoice {
  /** Every poll interval, deliver every row (a snapshot); nothing is remembered between snapshots. */
  BULK,
  /** Deliver rows in order of a strictly increasing column (an auto-increment id); the offset is the last value. */
  INCREMENTING,
  /**
   * Deliver rows in order of a timestamp column, then of a strictly increasing column (so updated rows, whose
   * timestamp moves, are delivered again); the offset is the last (timestamp, value) pair.
   */
  TIMESTAMP_INCREMENTING,
  /**
   * The transactional outbox: incrementing over the outbox table's {@code id}, each row relayed as the record it
   * stores (topic, key and value bytes, headers, timestamp, as {@code dev.courier.runtime.Outbox} wrote them), and
   * rows deleted once their records are committed in Kafka ({@code outbox.cleanup}).
   */
  OUTBOX;

  /**
   * The value of {@code mode} that selects this mode.
   *
   * @return for example {@code timestamp+incrementing}
   */
  @Override
  public String configValue() {
    return this == TIMESTAMP_INCREMENTING ? "timestamp+incrementing" : ConfigChoice.super.configValue();
  }

  /**
   * Whether rows are read in order of the incrementing column.
   *
   * @return true for every mode but bulk
   */
  public boolean usesIncrementing() {
    return this != BULK;
  }

  /**
   * Whether the incrementing column alone orders the rows.
   *
   * @return true for incrementing and outbox
   */
  public boolean incrementingOnly() {
    return this == INCREMENTING || this == OUTBOX;
  }

  /**
   * Whether rows are read in order of the timestamp column first.
   *
   * @return true for timestamp+incrementing
   */
  public boolean usesTimestamp() {
    return this == TIMESTAMP_INCREMENTING;
  }

  /**
   * The mode a config value selects.
   *
   * @param value a config value, case-insensitive
   * @return the mode
   * @throws IllegalArgumentException when the value names no mode
   */
  public static JdbcMode parse(String value) {
    return ConfigChoice.parse(JdbcMode.class, value, "a mode");
  }
}

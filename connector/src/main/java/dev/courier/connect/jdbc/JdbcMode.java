/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How the JDBC source finds the rows it has not delivered yet. */
public enum JdbcMode {
  /** Every poll interval, deliver every row (a snapshot); nothing is remembered between snapshots. */
  BULK("bulk"),
  /** Deliver rows in order of a strictly increasing column (an auto-increment id); the offset is the last value. */
  INCREMENTING("incrementing"),
  /**
   * Deliver rows in order of a timestamp column, then of a strictly increasing column (so updated rows, whose
   * timestamp moves, are delivered again); the offset is the last (timestamp, value) pair.
   */
  TIMESTAMP_INCREMENTING("timestamp+incrementing");

  private final String configValue;

  JdbcMode(String configValue) {
    this.configValue = configValue;
  }

  /**
   * The value of {@code mode} that selects this mode.
   *
   * @return for example {@code timestamp+incrementing}
   */
  public String configValue() {
    return configValue;
  }

  /**
   * Whether rows are read in order of the incrementing column.
   *
   * @return true for incrementing and timestamp+incrementing
   */
  public boolean usesIncrementing() {
    return this != BULK;
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
   * Every accepted value, in declaration order.
   *
   * @return the config values
   */
  public static List<String> configValues() {
    return Arrays.stream(values()).map(JdbcMode::configValue).toList();
  }

  /**
   * The mode a config value selects.
   *
   * @param value a config value, case-insensitive
   * @return the mode
   * @throws IllegalArgumentException when the value names no mode
   */
  public static JdbcMode parse(String value) {
    String normalized = value.trim().toLowerCase(Locale.ROOT);
    for (JdbcMode mode : values()) {
      if (mode.configValue.equals(normalized)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "'" + value + "' is not a mode; use one of " + String.join(", ", configValues()));
  }
}

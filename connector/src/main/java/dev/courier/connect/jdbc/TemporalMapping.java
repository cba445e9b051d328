/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.connect.ConfigChoice;

/** How DATE, TIME and TIMESTAMP columns become Connect values (without {@code message.class}). */
public enum TemporalMapping implements ConfigChoice {
  /**
   * ISO-8601 strings, exact to the column's precision, in the form {@code java.time}'s {@code toString()} writes (as
   * Courier's generated JSON codec does): DATE {@code 2026-11-27}, TIME {@code 10:15:30.123456}, TIMESTAMP
   * {@code 2026-11-27T10:15:30.123456}, TIMESTAMP WITH TIME ZONE {@code 2026-11-27T09:15:30.123456Z} (UTC).
   */
  STRING,
  /**
   * Connect's logical types {@code Date}, {@code Time} and {@code Timestamp}, which hold milliseconds; columns with
   * finer precision are refused by {@code validate()}, and a value with finer digits is a bad record.
   */
  CONNECT;

  /**
   * The mapping a config value selects.
   *
   * @param value a config value, case-insensitive
   * @return the mapping
   * @throws IllegalArgumentException when the value names no mapping
   */
  public static TemporalMapping parse(String value) {
    return ConfigChoice.parse(TemporalMapping.class, value, "a temporal mapping");
  }
}

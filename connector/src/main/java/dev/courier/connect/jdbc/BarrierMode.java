/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.connect.ConfigChoice;

/** Whether the JDBC source waits out the transactions in flight before it delivers rows ({@code commit.barrier}). */
public enum BarrierMode implements ConfigChoice {
  /**
   * Wait, with the database's own list of in-flight transactions ({@link CommitBarrier}), so a row whose
   * transaction commits late is never skipped.
   */
  AUTO,
  /** Do not wait: only the lag protects late commits. */
  NONE;

  /**
   * The mode a value of {@code commit.barrier} selects.
   *
   * @param value a config value, case-insensitive
   * @return the mode
   * @throws IllegalArgumentException when the value names no mode
   */
  public static BarrierMode parse(String value) {
    return ConfigChoice.parse(BarrierMode.class, value, "a commit barrier mode");
  }
}

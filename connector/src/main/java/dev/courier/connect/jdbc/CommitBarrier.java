/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * Lists the transactions that could still commit rows of a source, so rows up to a position are delivered only once
 * every transaction that was in flight when the position was seen has ended.
 *
 * <p>The protocol, per source: read the newest position {@code H} (the largest incrementing value, or the database
 * clock); wait the lag; list the in-flight transactions {@code L} with {@link #inFlight}; once
 * {@link #stillRunning} reports none of {@code L}, every row at or below {@code H} that will ever commit has
 * committed, provided its transaction had taken its position value no more than the lag before it became listable
 * (wrote, or locked, the table). Rows up to {@code H} are then read with a fresh snapshot.
 */
interface CommitBarrier {

  /**
   * The transactions, other than this connection's, that could still commit rows of the source.
   *
   * @param connection a connection in autocommit mode
   * @return their identifiers (opaque, stable while they run)
   * @throws SQLException when the database cannot list them
   */
  Set<String> inFlight(Connection connection) throws SQLException;

  /**
   * Which of the given transactions are still running.
   *
   * @param connection a connection in autocommit mode
   * @param transactions identifiers from {@link #inFlight}
   * @return those still running
   * @throws SQLException when the database cannot list them
   */
  Set<String> stillRunning(Connection connection, Set<String> transactions) throws SQLException;

  /**
   * The shortest wait between reading a position and listing transactions that this barrier needs to be exact.
   *
   * @return the minimum lag
   */
  default Duration minimumLag() {
    return Duration.ZERO;
  }

  /**
   * What the barrier waits for, for logs.
   *
   * @return a description
   */
  String describe();
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.connect.jdbc.TableScan.Row;
import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Cuts a scan's rows into the batches one {@code poll()} returns: at most {@code poll.max.records} records and about
 * {@code poll.max.bytes}, and in timestamp mode ending where the timestamp changes (by reading one row ahead), so
 * rows with the same timestamp share a poll and, under exactly-once support, a transaction. It owns the rows
 * carried over to the next poll and the answer to whether a batch ends a transaction boundary; it reads rows only
 * through the {@link TableScan} it is given.
 */
final class BatchCutter {

  private final JdbcMode mode;
  private final int maxRecords;
  private final long maxBytes;
  private final Deque<Row> carry = new ArrayDeque<>();

  BatchCutter(JdbcMode mode, int maxRecords, long maxBytes) {
    this.mode = mode;
    this.maxRecords = maxRecords;
    this.maxBytes = maxBytes;
  }

  /** Takes the rows carried over from the last batch, as the start of the next one. */
  List<Row> carried() {
    List<Row> batch = new ArrayList<>();
    while (!carry.isEmpty()) {
      batch.add(carry.poll());
    }
    return batch;
  }

  /** Whether no rows wait for the next batch. */
  boolean isEmpty() {
    return carry.isEmpty();
  }

  /** Forgets the carried rows (their scan is gone; they are read again from the last delivered position). */
  void clear() {
    carry.clear();
  }

  /**
   * Fills the batch from the scan up to the limits and cuts it.
   *
   * @return whether the batch ends a transaction boundary: a timestamp group (timestamp mode), any batch
   *     (incrementing mode) or a snapshot (bulk mode)
   */
  boolean fill(List<Row> batch, TableScan scan) throws SQLException {
    long bytes = 0;
    for (Row row : batch) {
      bytes += row.bytes();
    }
    while (!scan.exhausted && batch.size() < maxRecords && bytes < maxBytes && scan.failure == null) {
      Row row = scan.next();
      if (row != null && row.record() != null) {
        batch.add(row);
        bytes += row.bytes();
      }
    }
    boolean boundary = true;
    if (mode == JdbcMode.TIMESTAMP_INCREMENTING && !scan.exhausted && scan.failure == null && !batch.isEmpty()) {
      boundary = keepGroupsTogether(batch, scan);
    } else if (mode == JdbcMode.BULK) {
      boundary = scan.exhausted && carry.isEmpty();
    }
    return boundary;
  }

  /**
   * Ends the batch where the timestamp last changes, so rows with the same timestamp are returned together, by
   * reading ahead one record. The rows after the cut are carried to the next poll.
   *
   * @return whether the batch ends a timestamp group
   */
  private boolean keepGroupsTogether(List<Row> batch, TableScan scan) throws SQLException {
    Row next = null;
    while (next == null && !scan.exhausted && scan.failure == null) {
      Row row = scan.next();
      if (row != null && row.record() != null) {
        next = row;
      }
    }
    if (next == null) {
      return scan.exhausted && scan.failure == null;
    }
    Temporal lastTime = batch.get(batch.size() - 1).position().timestamp();
    if (JdbcOffsets.compareTimestamps(next.position().timestamp(), lastTime) != 0) {
      carry.add(next);
      return true;
    }
    int cut = batch.size();
    while (cut > 0 && JdbcOffsets.compareTimestamps(batch.get(cut - 1).position().timestamp(), lastTime) == 0) {
      cut--;
    }
    if (cut == 0) {
      carry.add(next);
      return false; // one timestamp group larger than a batch: it spans polls (and one transaction, if asked)
    }
    List<Row> tail = new ArrayList<>(batch.subList(cut, batch.size()));
    batch.subList(cut, batch.size()).clear();
    carry.addAll(tail);
    carry.add(next);
    return true;
  }
}

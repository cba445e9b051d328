/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.Map;

/**
 * Source partitions and offsets of the JDBC source.
 *
 * <p>Partitions: {@code {"table": "<name as in table.names>"}} or {@code {"query": "query"}}. Offsets, by mode:
 * incrementing {@code {"incrementing": <last value>}}; timestamp+incrementing {@code {"timestamp": "<ISO-8601 of
 * the last timestamp>", "incrementing": <last value>}} (a timestamp without time zone as
 * {@code 2026-11-27T10:15:30.123456}, one with a time zone as the UTC instant {@code 2026-11-27T09:15:30.123456Z});
 * bulk {@code {"snapshot.started": <epoch milliseconds>}}, informative only.
 */
final class JdbcOffsets {

  /** The partition key of a table. */
  static final String TABLE = "table";
  /** The partition key of the query. */
  static final String QUERY = "query";
  /** The offset key of the last incrementing value. */
  static final String INCREMENTING = "incrementing";
  /** The offset key of the last timestamp. */
  static final String TIMESTAMP = "timestamp";
  /** The offset key of a bulk snapshot's start. */
  static final String SNAPSHOT = "snapshot.started";

  private JdbcOffsets() {}

  static Map<String, String> tablePartition(String name) {
    return Map.of(TABLE, name);
  }

  static Map<String, String> queryPartition() {
    return Map.of(QUERY, QUERY);
  }

  /**
   * The offset of a row.
   *
   * @param position the row's position
   * @return the offset map
   */
  static Map<String, Object> offset(Position position) {
    if (position.timestamp() == null) {
      return Map.of(INCREMENTING, position.incrementing());
    }
    return Map.of(TIMESTAMP, timestampText(position.timestamp()), INCREMENTING, position.incrementing());
  }

  /**
   * The offset of a bulk row.
   *
   * @param snapshotStarted when its snapshot started
   * @return the offset map
   */
  static Map<String, Object> bulkOffset(long snapshotStarted) {
    return Map.of(SNAPSHOT, snapshotStarted);
  }

  /**
   * How a timestamp is written in an offset.
   *
   * @param timestamp a LocalDateTime or an OffsetDateTime
   * @return ISO-8601: local as is, with a zone as the UTC instant
   */
  static String timestampText(Temporal timestamp) {
    if (timestamp instanceof OffsetDateTime odt) {
      return odt.toInstant().toString();
    }
    return timestamp.toString();
  }

  /**
   * Parses the timestamp of an offset.
   *
   * @param text the offset's text
   * @param withTimeZone whether the column has a time zone
   * @return a LocalDateTime or OffsetDateTime (UTC)
   * @throws IllegalArgumentException when the text is not of the column's kind
   */
  static Temporal parseTimestamp(String text, boolean withTimeZone) {
    try {
      if (withTimeZone) {
        return OffsetDateTime.parse(text).withOffsetSameInstant(java.time.ZoneOffset.UTC);
      }
      return LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not " + (withTimeZone
          ? "an ISO-8601 instant such as 2026-11-27T09:15:30.123456Z (the timestamp column has a time zone)"
          : "an ISO-8601 local date-time such as 2026-11-27T10:15:30.123456 (the timestamp column has no time"
              + " zone)"));
    }
  }

  /**
   * Compares two timestamps of the same column.
   *
   * @param a a LocalDateTime or OffsetDateTime
   * @param b one of the same class
   * @return negative, zero or positive
   */
  static int compareTimestamps(Temporal a, Temporal b) {
    if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
      return x.compareTo(y);
    }
    if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
      return x.toInstant().compareTo(y.toInstant());
    }
    throw new IllegalArgumentException("cannot compare " + a + " with " + b);
  }

  /**
   * A position in a source: the last delivered (timestamp, incrementing) pair.
   *
   * @param timestamp the timestamp (LocalDateTime or OffsetDateTime), or null in incrementing mode
   * @param incrementing the incrementing value
   */
  record Position(Temporal timestamp, long incrementing) {

    /**
     * Orders positions as the rows are read.
     *
     * @param other another position
     * @return negative, zero or positive
     */
    int compareTo(Position other) {
      if (timestamp != null && other.timestamp != null) {
        int byTime = compareTimestamps(timestamp, other.timestamp);
        if (byTime != 0) {
          return byTime;
        }
      }
      return Long.compare(incrementing, other.incrementing);
    }
  }
}

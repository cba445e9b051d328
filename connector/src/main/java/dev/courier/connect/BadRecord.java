/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.util.Map;
import java.util.Objects;

/**
 * A record that could not be turned into a Kafka record, with everything the bad-record policy needs.
 *
 * @param location where it is, for humans: for example {@code file /data/in/a.csv line 12 (byte offset 345)}
 * @param reason what is wrong and what would be accepted
 * @param raw the raw record as text (decoded leniently when it is not valid UTF-8), possibly truncated
 * @param errorHeaders the dead-letter headers that locate the record, for example {@code courier.error.file}; the
 *     handler adds {@code courier.error.reason}
 * @param sourcePartition the source partition of the record, so a dead-letter record carries its offset
 * @param sourceOffset the source offset just after the record
 */
public record BadRecord(
    String location,
    String reason,
    String raw,
    Map<String, String> errorHeaders,
    Map<String, ?> sourcePartition,
    Map<String, ?> sourceOffset) {

  /**
   * Checks the components.
   *
   * @param location where it is, for humans: for example {@code file /data/in/a.csv line 12 (byte offset 345)}
   * @param reason what is wrong and what would be accepted
   * @param raw the raw record as text (decoded leniently when it is not valid UTF-8), possibly truncated
   * @param errorHeaders the dead-letter headers that locate the record, for example {@code courier.error.file}; the
   *     handler adds {@code courier.error.reason}
   * @param sourcePartition the source partition of the record, so a dead-letter record carries its offset
   * @param sourceOffset the source offset just after the record
   */
  public BadRecord {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(raw, "raw");
    errorHeaders = Map.copyOf(errorHeaders);
    Objects.requireNonNull(sourcePartition, "sourcePartition");
    Objects.requireNonNull(sourceOffset, "sourceOffset");
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.demo;

import java.util.List;
import java.util.Map;

/**
 * What a demo run found: the checks a test asserts on.
 *
 * @param connectorRecords records the connector wrote to topic {@code orders} in this run
 * @param producerRecords records each generated producer wrote, by send mode ({@code SYNC}, {@code ASYNC},
 *     {@code FIRE_AND_FORGET})
 * @param fireAndForgetFailures sends the fire-and-forget producer's error handler received
 * @param duplicates records of a key already read from the same path, each with both positions
 * @param unexpected records of a key that the path which wrote them never sent, with their position
 * @param keysOnBothPaths keys written by the connector and by a generated producer
 * @param samePartition of those, keys whose records are all on one partition
 * @param sameValueBytes of those, keys whose records have byte-identical values
 * @param sameTimestampAndHeaders of those, keys whose records have the same timestamp and {@code trace-id} header
 * @param unreadable records that the generated deserializer could not read, with the reason
 * @param lingeringThreads threads the demo started that still ran after it shut down
 * @param generatedSources the directory with the generated sources of the example types, or {@code null} when not
 *     found
 * @param registryProblems what the Schema Registry step ({@code --schema-registry}) found wrong; empty when it passed
 *     or did not run
 * @param outboxProblems what the transactional outbox step found wrong; empty when it passed
 */
public record DemoResult(
    long connectorRecords,
    Map<String, Long> producerRecords,
    long fireAndForgetFailures,
    List<String> duplicates,
    List<String> unexpected,
    long keysOnBothPaths,
    long samePartition,
    long sameValueBytes,
    long sameTimestampAndHeaders,
    List<String> unreadable,
    List<String> lingeringThreads,
    String generatedSources,
    List<String> registryProblems,
    List<String> outboxProblems) {

  /**
   * Whether every record arrived exactly once: each path wrote as many records as it had keys to send, none of them
   * a duplicate, and no record was unaccounted for. Since every record read is either a key's first record, a
   * duplicate or unexpected, this means each expected key arrived exactly once.
   *
   * @param options the options of the run
   * @return {@code true} when the run was exactly once
   */
  public boolean exactlyOnce(DemoOptions options) {
    return connectorRecords == options.records()
        && producerRecords.values().stream().mapToLong(Long::longValue).sum() == 3L * options.perSendMode()
        && duplicates.isEmpty()
        && unexpected.isEmpty();
  }

  /**
   * Whether every check passed.
   *
   * @param options the options of the run
   * @return {@code true} when the run was exactly once and every key is on one partition with the same bytes
   */
  public boolean passed(DemoOptions options) {
    long expectedFromProducers = 3L * options.perSendMode();
    return exactlyOnce(options)
        && fireAndForgetFailures == 0
        && keysOnBothPaths == expectedFromProducers
        && samePartition == keysOnBothPaths
        && sameValueBytes == keysOnBothPaths
        && sameTimestampAndHeaders == keysOnBothPaths
        && unreadable.isEmpty()
        && lingeringThreads.isEmpty()
        && registryProblems.isEmpty()
        && outboxProblems.isEmpty();
  }
}

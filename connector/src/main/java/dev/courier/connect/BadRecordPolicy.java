/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;


/** What a source task does with an input record it cannot turn into a Kafka record. */
public enum BadRecordPolicy implements ConfigChoice {
  /** Fail the task with a message naming the record (file, line and byte offset, or row). */
  FAIL,
  /** Log the record with its location and reason at WARN, count it, and go on. */
  SKIP,
  /**
   * Send the raw record with error headers to a dead-letter topic, in the same transaction as the good records, and
   * go on.
   */
  DEAD_LETTER;

  /**
   * The policy a config value selects.
   *
   * @param value a config value, case-insensitive
   * @return the policy
   * @throws IllegalArgumentException when the value names no policy
   */
  public static BadRecordPolicy parse(String value) {
    return ConfigChoice.parse(BadRecordPolicy.class, value, "a bad-record policy");
  }
}

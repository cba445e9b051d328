/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a source task does with an input record it cannot turn into a Kafka record. */
public enum BadRecordPolicy {
  /** Fail the task with a message naming the record (file, line and byte offset, or row). */
  FAIL("fail"),
  /** Log the record with its location and reason at WARN, count it, and go on. */
  SKIP("skip"),
  /**
   * Send the raw record with error headers to a dead-letter topic, in the same transaction as the good records, and
   * go on.
   */
  DEAD_LETTER("dead-letter");

  private final String configValue;

  BadRecordPolicy(String configValue) {
    this.configValue = configValue;
  }

  /**
   * The value of {@code bad.record.policy} that selects this policy.
   *
   * @return for example {@code dead-letter}
   */
  public String configValue() {
    return configValue;
  }

  /**
   * Every accepted value, in declaration order.
   *
   * @return the config values
   */
  public static List<String> configValues() {
    return Arrays.stream(values()).map(BadRecordPolicy::configValue).toList();
  }

  /**
   * The policy a config value selects.
   *
   * @param value a config value, case-insensitive
   * @return the policy
   * @throws IllegalArgumentException when the value names no policy
   */
  public static BadRecordPolicy parse(String value) {
    String normalized = value.trim().toLowerCase(Locale.ROOT);
    for (BadRecordPolicy policy : values()) {
      if (policy.configValue.equals(normalized)) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "'" + value + "' is not a bad-record policy; use one of " + String.join(", ", configValues()));
  }
}

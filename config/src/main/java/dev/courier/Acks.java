/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier;

import java.util.Optional;

/** The producer's {@code acks} setting: how many replicas must have a record before the broker acknowledges it. */
public enum Acks {
  /** {@code acks=0}: the producer does not wait for the broker; no offset is known and nothing is retried. */
  NONE("0"),
  /** {@code acks=1}: the partition leader has written the record. */
  LEADER("1"),
  /** {@code acks=all}: every in-sync replica has the record. Required by idempotence and transactions. */
  ALL("all");

  private final String value;

  Acks(String value) {
    this.value = value;
  }

  /**
   * The value of Kafka's {@code acks} property for this setting.
   *
   * @return {@code "0"}, {@code "1"} or {@code "all"}
   */
  public String value() {
    return value;
  }

  /**
   * Parses a value of Kafka's {@code acks} property the way {@code KafkaProducer} reads it: surrounding spaces are
   * ignored, {@code -1} is a synonym of {@code all}, and case matters ({@code ALL} is rejected, as Kafka does).
   *
   * @param value the property value
   * @return the setting, or empty when the value is not one Kafka accepts
   */
  public static Optional<Acks> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    switch (value.trim()) {
      case "0":
        return Optional.of(NONE);
      case "1":
        return Optional.of(LEADER);
      case "all":
      case "-1":
        return Optional.of(ALL);
      default:
        return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return value;
  }
}

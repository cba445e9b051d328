/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.messages;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

/** Sensor readings with a key that must be there, a key that may be missing, and no key at all. */
public final class Readings {
  private Readings() {}

  /**
   * Keyed by its sensor: a reading without one is refused.
   *
   * @param sensorId the key
   * @param celsius the temperature
   */
  @KafkaMessage(topic = "readings")
  public record Keyed(@PartitionKey String sensorId, double celsius) {}

  /**
   * Keyed by its sensor when it has one: a reading without one has a {@code null} key.
   *
   * @param sensorId the key, or {@code null}
   * @param celsius the temperature
   */
  @KafkaMessage(topic = "readings")
  public record NullableKey(@PartitionKey(nullable = true) String sensorId, double celsius) {}

  /**
   * Without key: every reading has a {@code null} key.
   *
   * @param sensorId the sensor, not the key
   * @param celsius the temperature
   */
  @KafkaMessage(topic = "readings")
  public record Unkeyed(String sensorId, double celsius) {}
}

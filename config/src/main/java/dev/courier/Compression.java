/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier;

import java.util.Optional;

/** The producer's {@code compression.type}: how record batches are compressed on the wire and on disk. */
public enum Compression {
  /** {@code none}: batches are not compressed. */
  NONE("none"),
  /** {@code gzip}: best ratio of the classic codecs, most CPU. */
  GZIP("gzip"),
  /** {@code snappy}: fast, moderate ratio. */
  SNAPPY("snappy"),
  /** {@code lz4}: fast, moderate ratio; a good default for high-volume topics. */
  LZ4("lz4"),
  /** {@code zstd}: a good ratio at moderate CPU; needs brokers of Kafka 2.1 or later. */
  ZSTD("zstd");

  private final String value;

  Compression(String value) {
    this.value = value;
  }

  /**
   * The value of Kafka's {@code compression.type} property for this codec.
   *
   * @return the lower-case codec name
   */
  public String value() {
    return value;
  }

  /**
   * Parses a value of Kafka's {@code compression.type} property the way {@code KafkaProducer} reads it:
   * surrounding spaces are ignored and case matters ({@code GZIP} is rejected, as Kafka does).
   *
   * @param value the property value
   * @return the codec, or empty when Kafka knows no such codec
   */
  public static Optional<Compression> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String wanted = value.trim();
    for (Compression c : values()) {
      if (c.value.equals(wanted)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.messages;

import dev.courier.Header;
import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.Timestamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parcel scanned at a depot: a String key, a header, a timestamp and members of several kinds, sent both by its
 * generated producer and by the file source with {@code message.class}.
 *
 * @param parcelId the key
 * @param depot the depot, also sent as the {@code depot} header
 * @param scannedAt the record timestamp
 * @param sequence an int
 * @param weightKg a double
 * @param fee a BigDecimal
 * @param status an enum
 * @param note an Optional
 * @param labels a List
 * @param attempts a Map
 * @param size a nested record
 */
@KafkaMessage(topic = "parcel-scans")
public record ParcelScanned(
    @PartitionKey String parcelId,
    @Header("depot") String depot,
    @Timestamp Instant scannedAt,
    int sequence,
    double weightKg,
    BigDecimal fee,
    Status status,
    Optional<String> note,
    List<String> labels,
    Map<String, Integer> attempts,
    Size size) {

  /** Where a parcel is. */
  public enum Status {
    /** Sorted at a depot. */
    SORTED,
    /** On its way. */
    IN_TRANSIT,
    /** Delivered. */
    DELIVERED
  }

  /**
   * A parcel's size.
   *
   * @param lengthMm length
   * @param widthMm width
   * @param heightMm height
   */
  public record Size(int lengthMm, int widthMm, int heightMm) {}
}

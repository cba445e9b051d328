/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A message type for the JDBC source's {@code message.class} tests, compiled with courier-annotation-processor:
 * every scalar member kind a column can feed.
 *
 * @param paymentId the key
 * @param amountCents an INT64 member
 * @param fee a DECIMAL member
 * @param ledgerNo a BIG_INTEGER member
 * @param refunded a BOOLEAN member
 * @param status an ENUM member
 * @param reference a UUID member
 * @param capturedAt an INSTANT member
 * @param bookedOn a LOCAL_DATE member
 * @param localTime a LOCAL_DATE_TIME member
 * @param offsetTime an OFFSET_DATE_TIME member
 * @param receipt a BYTES member
 * @param attempts an optional INT32 member
 * @param note an optional STRING member
 * @param rate a FLOAT64 member
 * @param ratio a FLOAT32 member
 * @param small an INT16 member
 * @param grade a CHAR member
 */
@KafkaMessage(topic = "payments")
public record Payment(
    @PartitionKey String paymentId,
    long amountCents,
    BigDecimal fee,
    BigInteger ledgerNo,
    boolean refunded,
    Status status,
    UUID reference,
    Instant capturedAt,
    LocalDate bookedOn,
    LocalDateTime localTime,
    OffsetDateTime offsetTime,
    byte[] receipt,
    Integer attempts,
    String note,
    double rate,
    float ratio,
    short small,
    char grade) {

  /** Payment states. */
  public enum Status {
    /** Captured. */
    CAPTURED,
    /** Settled. */
    SETTLED
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.messages;

import dev.courier.Header;
import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.Timestamp;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A member of every {@link dev.courier.config.MemberType.Kind}, primitive and boxed where both exist, for the test
 * that the connector's JSON (through {@code JsonConverter}) and the generated codec's JSON agree byte for byte.
 *
 * @param id the key
 * @param flag a boolean
 * @param tiny a byte
 * @param small a short
 * @param count an int
 * @param big a long
 * @param ratio a float
 * @param precise a double
 * @param initial a char
 * @param boxedFlag a Boolean
 * @param boxedTiny a Byte
 * @param boxedSmall a Short
 * @param boxedCount an Integer
 * @param boxedBig a Long
 * @param boxedRatio a Float
 * @param boxedPrecise a Double
 * @param boxedInitial a Character
 * @param text a String
 * @param color an enum
 * @param decimal a BigDecimal
 * @param integer a BigInteger
 * @param uuid a UUID
 * @param instant an Instant, the record timestamp
 * @param date a LocalDate
 * @param dateTime a LocalDateTime
 * @param offsetDateTime an OffsetDateTime
 * @param bytes a byte[], also sent as header {@code raw}
 * @param maybe an Optional
 * @param texts a List of Strings
 * @param ints an int[]
 * @param decimals a List of BigDecimals
 * @param counts a Map of Longs
 * @param routes a Map of Lists of records
 * @param point a nested record
 * @param points a List of records
 */
@KafkaMessage(topic = "every-kind")
public record EveryKind(
    @PartitionKey String id,
    boolean flag,
    byte tiny,
    short small,
    int count,
    long big,
    float ratio,
    double precise,
    char initial,
    Boolean boxedFlag,
    Byte boxedTiny,
    Short boxedSmall,
    Integer boxedCount,
    Long boxedBig,
    Float boxedRatio,
    Double boxedPrecise,
    Character boxedInitial,
    String text,
    Color color,
    BigDecimal decimal,
    BigInteger integer,
    UUID uuid,
    @Timestamp Instant instant,
    LocalDate date,
    LocalDateTime dateTime,
    OffsetDateTime offsetDateTime,
    @Header("raw") byte[] bytes,
    Optional<String> maybe,
    List<String> texts,
    int[] ints,
    List<BigDecimal> decimals,
    Map<String, Long> counts,
    Map<String, List<Point>> routes,
    Point point,
    List<Point> points) {

  /** Colors. */
  public enum Color {
    /** Red. */
    RED,
    /** Green. */
    GREEN
  }

  /**
   * A point.
   *
   * @param x x
   * @param y y
   * @param label an optional label
   */
  public record Point(int x, int y, String label) {}
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import static dev.courier.runtime.Json.notFinite;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Writes the value of each member kind of Courier's JSON form, as {@link Json}'s class comment describes the form. The
 * generated {@code TSerializer} calls these methods.
 */
public final class JsonWriting {

  /** Powers of ten that a double holds exactly, for {@link #writeShortDecimal}. */
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18
  };

  /** Below this, a scaled value's nearest integer is the only candidate with that many fraction digits. */
  private static final double MAX_SCALED = 1e15;

  private JsonWriting() {}

  /**
   * Writes a {@code Boolean}, or {@code null}.
   *
   * @param generator the generator
   * @param value the value
   * @throws IOException when the generator fails
   */
  public static void writeBoolean(JsonGenerator generator, Boolean value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else {
      generator.writeBoolean(value);
    }
  }

  /**
   * Writes an integral number ({@code Byte}, {@code Short}, {@code Integer}, {@code Long}), or {@code null}.
   *
   * @param generator the generator
   * @param value the value
   * @throws IOException when the generator fails
   */
  public static void writeIntegral(JsonGenerator generator, Number value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else {
      generator.writeNumber(value.longValue());
    }
  }

  /**
   * Writes a {@code float}.
   *
   * @param generator the generator
   * @param value the value
   * @param where the member's description
   * @throws IOException when the generator fails
   * @throws SerializationException for NaN and infinities, which JSON cannot hold
   */
  public static void writeFloatValue(JsonGenerator generator, float value, String where) throws IOException {
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      throw notFinite(where, value);
    }
    generator.writeNumber(value);
  }

  /**
   * Writes a {@code Float}, or {@code null}.
   *
   * @param generator the generator
   * @param value the value
   * @param where the member's description
   * @throws IOException when the generator fails
   */
  public static void writeFloat(JsonGenerator generator, Float value, String where) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else {
      writeFloatValue(generator, value, where);
    }
  }

  /**
   * Writes a {@code double}.
   *
   * @param generator the generator
   * @param value the value
   * @param where the member's description
   * @throws IOException when the generator fails
   * @throws SerializationException for NaN and infinities, which JSON cannot hold
   */
  public static void writeDoubleValue(JsonGenerator generator, double value, String where) throws IOException {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw notFinite(where, value);
    }
    if (!writeShortDecimal(generator, value)) {
      generator.writeNumber(value);
    }
  }

  /**
   * Writes a double between 0.001 and 10^7 (as most amounts, weights and ratios are) as the same text as the
   * generator's Schubfach writer, without its intermediate objects: the shortest decimal that reads back as the same
   * double, in plain notation with at least one fraction digit ({@code 2.375}, {@code 100.0}, {@code 0.05}). Other
   * values, and those needing more digits, are left to the generator.
   *
   * <p>Why it is the same text: for {@code k} fraction digits the candidate is {@code m = round(value * 10^k)}, and
   * {@code m / 10^k} (a correctly rounded division of two exact doubles) equals {@code value} exactly when the decimal
   * {@code m * 10^-k} reads back as {@code value}. While {@code value * 10^k < 10^15}, the error of the product and
   * the half-ulp rounding interval of {@code value} scaled by {@code 10^k} stay far below one half, so no other
   * {@code k}-digit decimal reads back as {@code value}: trying {@code k = 0, 1, 2, ...} finds the shortest one, and
   * it is unique. Its last fraction digit is not zero, or a shorter {@code k} would have matched.
   * {@code JsonNumbersTest} compares it with the generator on random values.
   *
   * @param generator the generator
   * @param value a finite double
   * @return {@code false} when the generator is to write the value
   * @throws IOException when the generator fails
   */
  private static boolean writeShortDecimal(JsonGenerator generator, double value) throws IOException {
    double magnitude = Math.abs(value);
    if (!(magnitude >= 1e-3 && magnitude < 1e7)) {
      return false;
    }
    for (int k = 0; k < POWERS_OF_TEN.length; k++) {
      double scaled = magnitude * POWERS_OF_TEN[k];
      if (scaled >= MAX_SCALED) {
        return false;
      }
      long m = Math.round(scaled);
      if (m / POWERS_OF_TEN[k] == magnitude) {
        writeDecimal(generator, value < 0, m, k);
        return true;
      }
    }
    return false;
  }

  /** Writes {@code m * 10^-k} in plain notation with at least one fraction digit, {@code m < 10^15}. */
  private static void writeDecimal(JsonGenerator generator, boolean negative, long m, int k) throws IOException {
    char[] text = new char[24];
    int end = text.length;
    int start = end;
    long rest = m;
    if (k == 0) {
      text[--start] = '0';
      text[--start] = '.';
    } else {
      for (int i = 0; i < k; i++) {
        text[--start] = (char) ('0' + (int) (rest % 10));
        rest /= 10;
      }
      text[--start] = '.';
    }
    do {
      text[--start] = (char) ('0' + (int) (rest % 10));
      rest /= 10;
    } while (rest != 0);
    if (negative) {
      text[--start] = '-';
    }
    generator.writeNumber(text, start, end - start);
  }

  /**
   * Writes a {@code Double}, or {@code null}.
   *
   * @param generator the generator
   * @param value the value
   * @param where the member's description
   * @throws IOException when the generator fails
   */
  public static void writeDouble(JsonGenerator generator, Double value, String where) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else {
      writeDoubleValue(generator, value, where);
    }
  }

  /**
   * Writes a {@code Character} as a one-character string, or {@code null}.
   *
   * @param generator the generator
   * @param value the value
   * @throws IOException when the generator fails
   */
  public static void writeChar(JsonGenerator generator, Character value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else {
      generator.writeString(String.valueOf(value.charValue()));
    }
  }

  /**
   * Writes a {@code String}, or {@code null}.
   *
   * @param generator the generator
   * @param value the value
   * @throws IOException when the generator fails
   */
  public static void writeString(JsonGenerator generator, String value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else {
      generator.writeString(value);
    }
  }

  /**
   * Writes a {@code BigDecimal} as a JSON string of its exact {@link BigDecimal#toString()} (scale kept:
   * {@code "12.50"}, {@code "1E+3"}), or {@code null}.
   *
   * @param generator the generator
   * @param value the value
   * @throws IOException when the generator fails
   */
  public static void writeBigDecimal(JsonGenerator generator, BigDecimal value) throws IOException {
    writeString(generator, value == null ? null : value.toString());
  }

  /**
   * Writes a {@code BigInteger} as a JSON string of its decimal digits ({@code "-42"}), or {@code null}.
   *
   * @param generator the generator
   * @param value the value
   * @throws IOException when the generator fails
   */
  public static void writeBigInteger(JsonGenerator generator, BigInteger value) throws IOException {
    writeString(generator, value == null ? null : value.toString());
  }

  /**
   * Writes a {@code UUID} in its canonical form, or {@code null}.
   *
   * @param generator the generator
   * @param value the value
   * @throws IOException when the generator fails
   */
  public static void writeUuid(JsonGenerator generator, UUID value) throws IOException {
    writeString(generator, value == null ? null : value.toString());
  }

  /** The last year the JSON form holds: ISO-8601 with four-digit years, as RFC 3339 and JSON Schema have it. */
  private static final int LAST_YEAR = 9999;
  private static final Instant FIRST_INSTANT = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private static SerializationException outsideYears(Object value) {
    return new SerializationException("Cannot write " + value + ": Courier's JSON form holds years 0000 to 9999"
        + " (ISO-8601 with four-digit years, as RFC 3339 and the type's JSON Schema have it).");
  }

  /**
   * Writes an {@code Instant} as its {@code toString()} (ISO-8601, UTC), or {@code null}.
   *
   * @param generator the generator
   * @param value the value
   * @throws IOException when the generator fails
   * @throws SerializationException for a year outside 0000 to 9999, which the JSON form does not hold
   */
  public static void writeInstant(JsonGenerator generator, Instant value) throws IOException {
    if (value != null && (value.isBefore(FIRST_INSTANT) || value.isAfter(LAST_INSTANT))) {
      throw outsideYears(value);
    }
    writeString(generator, value == null ? null : value.toString());
  }

  /**
   * Writes a {@code LocalDate} as its {@code toString()} (ISO-8601), or {@code null}.
   *
   * @param generator the generator
   * @param value the value
   * @throws IOException when the generator fails
   * @throws SerializationException for a year outside 0000 to 9999, which the JSON form does not hold
   */
  public static void writeLocalDate(JsonGenerator generator, LocalDate value) throws IOException {
    if (value != null && (value.getYear() < 0 || value.getYear() > LAST_YEAR)) {
      throw outsideYears(value);
    }
    writeString(generator, value == null ? null : value.toString());
  }

  /**
   * Writes a {@code LocalDateTime} as its {@code toString()} (ISO-8601; seconds only when not zero), or
   * {@code null}.
   *
   * @param generator the generator
   * @param value the value
   * @throws IOException when the generator fails
   * @throws SerializationException for a year outside 0000 to 9999, which the JSON form does not hold
   */
  public static void writeLocalDateTime(JsonGenerator generator, LocalDateTime value) throws IOException {
    if (value != null && (value.getYear() < 0 || value.getYear() > LAST_YEAR)) {
      throw outsideYears(value);
    }
    writeString(generator, value == null ? null : value.toString());
  }

  /**
   * Writes an {@code OffsetDateTime} as its {@code toString()} (ISO-8601 with offset; seconds only when not zero),
   * or {@code null}.
   *
   * @param generator the generator
   * @param value the value
   * @throws IOException when the generator fails
   * @throws SerializationException for a year outside 0000 to 9999, which the JSON form does not hold
   */
  public static void writeOffsetDateTime(JsonGenerator generator, OffsetDateTime value) throws IOException {
    if (value != null && (value.getYear() < 0 || value.getYear() > LAST_YEAR
        || value.getOffset().getTotalSeconds() % 60 != 0)) {
      throw new SerializationException("Cannot write " + value + ": Courier's JSON form holds years 0000 to 9999 and"
          + " offsets in whole minutes (ISO-8601 as JsonForms.OFFSET_DATE_TIME_PATTERN says).");
    }
    writeString(generator, value == null ? null : value.toString());
  }

  /**
   * Writes a {@code byte[]} as a standard base64 string with padding, or {@code null}.
   *
   * @param generator the generator
   * @param value the value
   * @throws IOException when the generator fails
   */
  public static void writeBytes(JsonGenerator generator, byte[] value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else {
      generator.writeBinary(value);
    }
  }

  /**
   * Writes an enum constant's name, or {@code null}.
   *
   * @param generator the generator
   * @param value the value
   * @throws IOException when the generator fails
   */
  public static void writeEnum(JsonGenerator generator, Enum<?> value) throws IOException {
    writeString(generator, value == null ? null : value.name());
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import dev.courier.config.FieldType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Converts member values given as text (a JSON string, a CSV cell, a database text column) to the Connect value of
 * the member's kind, checking them strictly: a value that does not parse is a {@link BadRecordException} that names
 * the member, the value and the accepted form; nothing is coerced.
 */
public final class MemberValues {

  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private MemberValues() {}

  /**
   * Converts the text of a member whose JSON form is a string (CHAR, STRING, ENUM, DECIMAL, BIG_INTEGER, UUID, the
   * temporal kinds, BYTES).
   *
   * @param type the member type
   * @param text the text
   * @param member the member's path, for messages
   * @return the Connect value
   * @throws BadRecordException when the text is not a value of the type
   */
  public static Object fromJsonString(FieldType type, String text, String member) throws BadRecordException {
    switch (type.kind()) {
      case STRING:
        return text;
      case CHAR:
        if (text.length() != 1) {
          throw new BadRecordException(
              "member '" + member + "' must be one character (" + type + "), but is " + quote(text));
        }
        return text;
      case ENUM:
        if (!type.symbols().contains(text)) {
          throw new BadRecordException("member '" + member + "' must be one of " + type.symbols() + " ("
              + type + "), but is " + quote(text));
        }
        return text;
      case DECIMAL:
        return decimal(parseDecimal(type, text, member));
      case BIG_INTEGER:
        return parseInteger(type, text, member).toString();
      case UUID:
        if (!CANONICAL_UUID.matcher(text).matches()) {
          throw new BadRecordException("member '" + member + "' must be a UUID in the 36-character form"
              + " 8-4-4-4-12 hex digits, but is " + quote(text));
        }
        return UUID.fromString(text).toString();
      case INSTANT:
        try {
          return Instant.parse(text).toString();
        } catch (DateTimeParseException e) {
          throw temporal(member, type, text, "2026-11-27T10:15:30Z");
        }
      case LOCAL_DATE:
        try {
          return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
          throw temporal(member, type, text, "2026-11-27");
        }
      case LOCAL_DATE_TIME:
        try {
          return LocalDateTime.parse(text).toString();
        } catch (DateTimeParseException e) {
          throw temporal(member, type, text, "2026-11-27T10:15:30");
        }
      case OFFSET_DATE_TIME:
        try {
          return OffsetDateTime.parse(text).toString();
        } catch (DateTimeParseException e) {
          throw temporal(member, type, text, "2026-11-27T10:15:30+01:00");
        }
      case BYTES:
        try {
          return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
          throw new BadRecordException("member '" + member + "' must be base64 (" + type + "), but is "
              + quote(text) + ": " + e.getMessage());
        }
      default:
        throw new BadRecordException("member '" + member + "' must be " + jsonForm(type) + " (" + type
            + "), but is the string " + quote(text));
    }
  }

  /**
   * Converts a text cell (CSV, a database text column) to the Connect value of a scalar member: numbers and booleans
   * are parsed, the other kinds as by {@link #fromJsonString}.
   *
   * @param type a scalar member type
   * @param text the cell, not null
   * @param member the member's path, for messages
   * @return the Connect value
   * @throws BadRecordException when the text is not a value of the type
   */
  public static Object fromText(FieldType type, String text, String member) throws BadRecordException {
    switch (type.kind()) {
      case BOOLEAN:
        if (text.equalsIgnoreCase("true")) {
          return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
          return Boolean.FALSE;
        }
        throw new BadRecordException(
            "member '" + member + "' must be true or false (" + type + "), but is " + quote(text));
      case INT8:
      case INT16:
      case INT32:
      case INT64:
        return integral(type, parseInteger(type, text, member), member, text);
      case FLOAT32:
      case FLOAT64:
        parseDecimal(type, text, member);
        return floating(type, text, member);
      case ARRAY:
      case MAP:
      case STRUCT:
        throw new BadRecordException("member '" + member + "' is " + type.kind() + " (" + type
            + "), which a text column cannot hold");
      default:
        return fromJsonString(type, text, member);
    }
  }

  /**
   * Range-checks an integral number that fits in a {@code long} for an integral kind, without the
   * {@code BigInteger} of {@link #integral(FieldType, BigInteger, String, String)}.
   *
   * @param type an INT8, INT16, INT32 or INT64 member type
   * @param value the number
   * @param member the member's path, for messages
   * @return a Byte, Short, Integer or Long
   * @throws BadRecordException when the number is out of range
   */
  public static Object integral(FieldType type, long value, String member) throws BadRecordException {
    long min = min(type);
    long max = max(type);
    if (value < min || value > max) {
      throw new BadRecordException("member '" + member + "' must be an integer from " + min + " to " + max
          + " (" + type + "), but is " + value);
    }
    return narrow(type, value);
  }

  /**
   * Range-checks an integral number for an integral kind.
   *
   * @param type an INT8, INT16, INT32 or INT64 member type
   * @param value the number
   * @param member the member's path, for messages
   * @param text the number as written, for messages
   * @return a Byte, Short, Integer or Long
   * @throws BadRecordException when the number is out of range
   */
  public static Object integral(FieldType type, BigInteger value, String member, String text)
      throws BadRecordException {
    long min = min(type);
    long max = max(type);
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new BadRecordException("member '" + member + "' must be an integer from " + min + " to " + max
          + " (" + type + "), but is " + text);
    }
    return narrow(type, value.longValue());
  }

  private static long min(FieldType type) {
    return switch (type.kind()) {
      case INT8 -> Byte.MIN_VALUE;
      case INT16 -> Short.MIN_VALUE;
      case INT32 -> Integer.MIN_VALUE;
      case INT64 -> Long.MIN_VALUE;
      default -> throw new IllegalArgumentException(type.kind() + " is not integral");
    };
  }

  private static long max(FieldType type) {
    return switch (type.kind()) {
      case INT8 -> Byte.MAX_VALUE;
      case INT16 -> Short.MAX_VALUE;
      case INT32 -> Integer.MAX_VALUE;
      case INT64 -> Long.MAX_VALUE;
      default -> throw new IllegalArgumentException(type.kind() + " is not integral");
    };
  }

  /** A value already range-checked, as the Byte, Short, Integer or Long its kind holds. */
  private static Object narrow(FieldType type, long value) {
    return switch (type.kind()) {
      case INT8 -> (byte) value;
      case INT16 -> (short) value;
      case INT32 -> (int) value;
      default -> value;
    };
  }


  /**
   * Converts a number to a FLOAT32 or FLOAT64 member value, rounded once to the nearest float or double (as
   * {@code Float.parseFloat} and {@code Double.parseDouble} do; never through a double to a float).
   *
   * @param type a FLOAT32 or FLOAT64 member type
   * @param value the number
   * @param member the member's path, for messages
   * @param text the number as written, for messages
   * @return a Float or Double
   * @throws BadRecordException when the number is out of the type's range
   */
  public static Object floating(FieldType type, BigDecimal value, String member, String text)
      throws BadRecordException {
    if (type.kind() == FieldType.Kind.FLOAT32) {
      return finite(type, value.floatValue(), member, text);
    }
    return finite(type, value.doubleValue(), member, text);
  }

  /**
   * Converts a number written in decimal (a JSON number, or text already checked to be a decimal number) to a
   * FLOAT32 or FLOAT64 member value exactly as Java parses it, so that the value equals the {@code float} or
   * {@code double} an application reading the same text holds: rounded once, and {@code -0} stays negative zero
   * (which a {@code BigDecimal} cannot hold).
   *
   * @param type a FLOAT32 or FLOAT64 member type
   * @param text the number, in JSON number or {@code BigDecimal} syntax
   * @param member the member's path, for messages
   * @return a Float or Double
   * @throws BadRecordException when the number is out of the type's range
   */
  public static Object floating(FieldType type, String text, String member) throws BadRecordException {
    if (type.kind() == FieldType.Kind.FLOAT32) {
      return finite(type, Float.parseFloat(text), member, text);
    }
    return finite(type, Double.parseDouble(text), member, text);
  }

  /**
   * The Connect value of a DECIMAL member: its exact {@link BigDecimal#toString()} (scale kept, {@code 1E+3} for
   * 1000 with scale -3), the text the generated codec writes for the same {@code BigDecimal}.
   *
   * @param value the number
   * @return its canonical text
   */
  public static String decimal(BigDecimal value) {
    return value.toString();
  }

  private static Object finite(FieldType type, float value, String member, String text) throws BadRecordException {
    if (Float.isInfinite(value)) {
      throw new BadRecordException("member '" + member + "' is out of the range of a float (" + type + "): " + text);
    }
    return value;
  }

  private static Object finite(FieldType type, double value, String member, String text) throws BadRecordException {
    if (Double.isInfinite(value)) {
      throw new BadRecordException("member '" + member + "' is out of the range of a double (" + type + "): "
          + text);
    }
    return value;
  }

  /**
   * How a kind is written in JSON, for messages.
   *
   * @param type the member type
   * @return for example {@code a JSON integer}
   */
  public static String jsonForm(FieldType type) {
    return switch (type.kind()) {
      case BOOLEAN -> "true or false";
      case INT8, INT16, INT32, INT64 -> "a JSON integer";
      case FLOAT32, FLOAT64 -> "a JSON number";
      case DECIMAL -> "a JSON number or a JSON string holding one";
      case BIG_INTEGER -> "a JSON integer or a JSON string holding one";
      case CHAR, STRING, ENUM, UUID, INSTANT, LOCAL_DATE, LOCAL_DATE_TIME, OFFSET_DATE_TIME -> "a JSON string";
      case BYTES -> "a base64 JSON string";
      case ARRAY -> "a JSON array";
      case MAP, STRUCT -> "a JSON object";
    };
  }

  static String quote(String text) {
    String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
    return "\"" + shown.replace("\"", "\\\"") + "\"";
  }

  private static BigInteger parseInteger(FieldType type, String text, String member) throws BadRecordException {
    try {
      return new BigInteger(text.trim().equals(text) ? text : "x");
    } catch (NumberFormatException e) {
      throw new BadRecordException("member '" + member + "' must be an integer (" + type + "), but is "
          + quote(text));
    }
  }

  private static BigDecimal parseDecimal(FieldType type, String text, String member) throws BadRecordException {
    try {
      return new BigDecimal(text.trim().equals(text) ? text : "x");
    } catch (NumberFormatException e) {
      throw new BadRecordException("member '" + member + "' must be a decimal number (" + type + "), but is "
          + quote(text));
    }
  }

  private static BadRecordException temporal(String member, FieldType type, String text, String example) {
    return new BadRecordException("member '" + member + "' must be ISO-8601 like " + example + " (" + type
        + "), but is " + quote(text));
  }
}

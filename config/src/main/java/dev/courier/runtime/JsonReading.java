/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import static dev.courier.runtime.Json.invalid;
import static dev.courier.runtime.Json.isNull;
import static dev.courier.runtime.Json.mismatch;
import static dev.courier.runtime.Json.outOfRange;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import dev.courier.config.Suggestions;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the value of each member kind of Courier's JSON form at the parser's current token, as {@link Json}'s class
 * comment describes the form. The generated {@code TDeserializer} calls these methods. A value of the wrong JSON type,
 * out of the member's range, or not in the kind's text form is a {@code SerializationException} that names the member
 * ({@code where}) and what would be accepted; nothing is coerced. The forms are {@link JsonForms}': an integer member
 * also reads a number with a fraction or exponent whose value is an integer ({@code 1.0}, {@code 2e3}), as JSON
 * Schema's {@code integer} does, and text forms are checked against their patterns before java.time or
 * {@code BigDecimal} parse them, so what a type's JSON Schema accepts is what its reader reads.
 */
public final class JsonReading {

  /** The most digits of an integer read from a number with an exponent: Jackson's own limit on a number's length. */
  private static final int MAX_INTEGRAL_DIGITS = 1000;

  private JsonReading() {}

  /**
   * Reads a {@code boolean}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value
   */
  public static boolean readBooleanValue(JsonParser parser, String where) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw mismatch(parser, where, "true or false");
  }

  /**
   * Reads a {@code Boolean}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value, or {@code null}
   */
  public static Boolean readBoolean(JsonParser parser, String where) {
    return isNull(parser) ? null : readBooleanValue(parser, where);
  }

  /**
   * Reads a {@code byte}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value
   * @throws IOException when the parser fails
   */
  public static byte readByteValue(JsonParser parser, String where) throws IOException {
    return (byte) readIntInRange(parser, where, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
  }

  /**
   * Reads a {@code Byte}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value, or {@code null}
   * @throws IOException when the parser fails
   */
  public static Byte readByte(JsonParser parser, String where) throws IOException {
    return isNull(parser) ? null : readByteValue(parser, where);
  }

  /**
   * Reads a {@code short}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value
   * @throws IOException when the parser fails
   */
  public static short readShortValue(JsonParser parser, String where) throws IOException {
    return (short) readIntInRange(parser, where, Short.MIN_VALUE, Short.MAX_VALUE, "short");
  }

  /**
   * Reads a {@code Short}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value, or {@code null}
   * @throws IOException when the parser fails
   */
  public static Short readShort(JsonParser parser, String where) throws IOException {
    return isNull(parser) ? null : readShortValue(parser, where);
  }

  /**
   * Reads an {@code int}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value
   * @throws IOException when the parser fails
   */
  public static int readIntValue(JsonParser parser, String where) throws IOException {
    return readIntInRange(parser, where, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
  }

  /**
   * Reads an {@code Integer}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value, or {@code null}
   * @throws IOException when the parser fails
   */
  public static Integer readInt(JsonParser parser, String where) throws IOException {
    return isNull(parser) ? null : readIntValue(parser, where);
  }

  /**
   * Reads a {@code long}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value
   * @throws IOException when the parser fails
   */
  public static long readLongValue(JsonParser parser, String where) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
      return integral(parser, where, "a JSON integer (long)", "long", Long.MIN_VALUE, Long.MAX_VALUE).longValue();
    }
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw mismatch(parser, where, "a JSON integer (long)");
    }
    try {
      return parser.getLongValue();
    } catch (InputCoercionException e) {
      throw outOfRange(parser, where, "long");
    }
  }

  /**
   * Reads a {@code Long}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value, or {@code null}
   * @throws IOException when the parser fails
   */
  public static Long readLong(JsonParser parser, String where) throws IOException {
    return isNull(parser) ? null : readLongValue(parser, where);
  }

  /**
   * Reads a {@code float}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value
   * @throws IOException when the parser fails
   */
  public static float readFloatValue(JsonParser parser, String where) throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw mismatch(parser, where, "a JSON number (float)");
    }
    float value = parser.getFloatValue();
    if (Float.isInfinite(value)) {
      throw outOfRange(parser, where, "float");
    }
    return value;
  }

  /**
   * Reads a {@code Float}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value, or {@code null}
   * @throws IOException when the parser fails
   */
  public static Float readFloat(JsonParser parser, String where) throws IOException {
    return isNull(parser) ? null : readFloatValue(parser, where);
  }

  /**
   * Reads a {@code double}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value
   * @throws IOException when the parser fails
   */
  public static double readDoubleValue(JsonParser parser, String where) throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw mismatch(parser, where, "a JSON number (double)");
    }
    double value = parser.getDoubleValue();
    if (Double.isInfinite(value)) {
      throw outOfRange(parser, where, "double");
    }
    return value;
  }

  /**
   * Reads a {@code Double}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value, or {@code null}
   * @throws IOException when the parser fails
   */
  public static Double readDouble(JsonParser parser, String where) throws IOException {
    return isNull(parser) ? null : readDoubleValue(parser, where);
  }

  /**
   * Reads a {@code char}: a string of exactly one UTF-16 character.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value
   * @throws IOException when the parser fails
   */
  public static char readCharValue(JsonParser parser, String where) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING || parser.getTextLength() != 1) {
      throw mismatch(parser, where, "a JSON string of one character");
    }
    return parser.getText().charAt(0);
  }

  /**
   * Reads a {@code Character}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value, or {@code null}
   * @throws IOException when the parser fails
   */
  public static Character readChar(JsonParser parser, String where) throws IOException {
    return isNull(parser) ? null : readCharValue(parser, where);
  }

  /**
   * Reads a {@code String}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value, or {@code null}
   * @throws IOException when the parser fails
   */
  public static String readString(JsonParser parser, String where) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw mismatch(parser, where, "a JSON string");
    }
    return parser.getText();
  }

  /**
   * Reads a {@code BigDecimal}, exactly (with its scale), from a JSON string holding a decimal number as
   * {@link BigDecimal#BigDecimal(String)} reads it ({@code "12.50"}, {@code "1E+3"}), or from a JSON number.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value, or {@code null}
   * @throws IOException when the parser fails
   */
  public static BigDecimal readBigDecimal(JsonParser parser, String where) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return parser.getDecimalValue();
    }
    if (token != JsonToken.VALUE_STRING) {
      throw mismatch(parser, where, "a decimal number in a JSON string such as \"12.50\" (BigDecimal)");
    }
    String text = parser.getText();
    try {
      if (!JsonForms.DECIMAL.matcher(text).matches()) {
        throw new NumberFormatException(text);
      }
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw invalid(where, text, "a decimal number such as \"12.50\" or \"1E+3\" (BigDecimal)");
    }
  }

  /**
   * Reads a {@code BigInteger} from a JSON string holding an integer ({@code "-42"}), or from a JSON integer.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value, or {@code null}
   * @throws IOException when the parser fails
   */
  public static BigInteger readBigInteger(JsonParser parser, String where) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return parser.getBigIntegerValue();
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      return integral(parser, where, "an integer in a JSON string such as \"-42\" (BigInteger)", "BigInteger", null,
          null).toBigIntegerExact();
    }
    if (token != JsonToken.VALUE_STRING) {
      throw mismatch(parser, where, "an integer in a JSON string such as \"-42\" (BigInteger)");
    }
    String text = parser.getText();
    try {
      if (!JsonForms.BIG_INTEGER.matcher(text).matches()) {
        throw new NumberFormatException(text);
      }
      return new BigInteger(text);
    } catch (NumberFormatException e) {
      throw invalid(where, text, "an integer such as \"-42\" (BigInteger)");
    }
  }

  /**
   * Reads a {@code UUID} from its canonical 36-character string.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value, or {@code null}
   * @throws IOException when the parser fails
   */
  public static UUID readUuid(JsonParser parser, String where) throws IOException {
    String text = readString(parser, where);
    if (text == null) {
      return null;
    }
    if (JsonForms.UUID.matcher(text).matches()) {
      return UUID.fromString(text);
    }
    throw invalid(where, text, "a UUID in the canonical form 123e4567-e89b-12d3-a456-426614174000");
  }

  /**
   * Reads an {@code Instant} from an ISO-8601 string such as {@code 2026-11-27T10:15:30Z}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value, or {@code null}
   * @throws IOException when the parser fails
   */
  public static Instant readInstant(JsonParser parser, String where) throws IOException {
    return parse(parser, where, JsonForms.INSTANT, IsoText::instant,
        "an ISO-8601 instant such as 2026-11-27T10:15:30Z (a four-digit year, seconds and an offset)");
  }

  /**
   * Reads a {@code LocalDate} from an ISO-8601 string such as {@code 2026-11-27}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value, or {@code null}
   * @throws IOException when the parser fails
   */
  public static LocalDate readLocalDate(JsonParser parser, String where) throws IOException {
    return parse(parser, where, JsonForms.LOCAL_DATE, IsoText::date,
        "an ISO-8601 date such as 2026-11-27 (a four-digit year)");
  }

  /**
   * Reads a {@code LocalDateTime} from an ISO-8601 string such as {@code 2026-11-27T10:15:30}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value, or {@code null}
   * @throws IOException when the parser fails
   */
  public static LocalDateTime readLocalDateTime(JsonParser parser, String where) throws IOException {
    return parse(parser, where, JsonForms.LOCAL_DATE_TIME, IsoText::dateTime,
        "an ISO-8601 local date-time such as 2026-11-27T10:15:30 (a four-digit year)");
  }

  /**
   * Reads an {@code OffsetDateTime} from an ISO-8601 string such as {@code 2026-11-27T10:15:30+01:00}.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value, or {@code null}
   * @throws IOException when the parser fails
   */
  public static OffsetDateTime readOffsetDateTime(JsonParser parser, String where) throws IOException {
    return parse(parser, where, JsonForms.OFFSET_DATE_TIME, IsoText::offsetDateTime,
        "an ISO-8601 date-time with offset such as 2026-11-27T10:15:30+01:00 (a four-digit year)");
  }

  /**
   * Reads a {@code byte[]} from a base64 string.
   *
   * @param parser at the value
   * @param where the member's description
   * @return the value, or {@code null}
   * @throws IOException when the parser fails
   */
  public static byte[] readBytes(JsonParser parser, String where) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw mismatch(parser, where, "a base64 JSON string");
    }
    if (!JsonForms.isBase64(parser.getText())) {
      throw invalid(where, parser.getText(), "a standard base64 string with padding, without spaces or line breaks");
    }
    try {
      return parser.getBinaryValue();
    } catch (JsonProcessingException e) {
      throw invalid(where, parser.getText(), "a standard base64 string (" + e.getOriginalMessage() + ")");
    }
  }

  /**
   * Reads an enum constant from its name.
   *
   * @param parser at the value
   * @param where the member's description
   * @param constants the enum's constants, {@code E.values()}
   * @param <E> the enum type
   * @return the constant, or {@code null}
   * @throws IOException when the parser fails
   */
  public static <E extends Enum<E>> E readEnum(JsonParser parser, String where, E[] constants) throws IOException {
    String name = readString(parser, where);
    if (name == null) {
      return null;
    }
    for (E constant : constants) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    String[] names = new String[constants.length];
    for (int i = 0; i < constants.length; i++) {
      names[i] = constants[i].name();
    }
    String hint = Suggestions.closest(name, Arrays.asList(names)).map(s -> " Did you mean " + s + "?").orElse("");
    throw invalid(where, name, "one of " + String.join(", ", names) + "." + hint);
  }

  /**
   * A JSON number written with a fraction or an exponent whose value is an integer ({@code 1.0}, {@code 2e3}), as
   * JSON Schema's {@code integer} counts it: its value, when within the bounds.
   *
   * @param expected what the member reads, for the error
   * @param javaType the member's Java type, for the error
   * @param min the smallest value, or {@code null} for none (then at most {@value #MAX_INTEGRAL_DIGITS} digits)
   * @param max the largest value, or {@code null} for none
   */
  private static BigDecimal integral(JsonParser parser, String where, String expected, String javaType, Long min,
      Long max) throws IOException {
    BigDecimal value = parser.getDecimalValue().stripTrailingZeros();
    if (value.scale() > 0) {
      throw mismatch(parser, where, expected);
    }
    boolean inRange = min == null
        ? value.precision() - value.scale() <= MAX_INTEGRAL_DIGITS
        : value.compareTo(BigDecimal.valueOf(min)) >= 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0;
    if (!inRange) {
      throw outOfRange(parser, where, javaType);
    }
    return value;
  }

  private static int readIntInRange(JsonParser parser, String where, int min, int max, String javaType)
      throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
      return integral(parser, where, "a JSON integer (" + javaType + ")", javaType, (long) min, (long) max)
          .intValue();
    }
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw mismatch(parser, where, "a JSON integer (" + javaType + ")");
    }
    int value;
    try {
      value = parser.getIntValue();
    } catch (InputCoercionException e) {
      throw outOfRange(parser, where, javaType);
    }
    if (value < min || value > max) {
      throw outOfRange(parser, where, javaType);
    }
    return value;
  }

  /**
   * A temporal value: its form (JsonForms, which also checks the calendar), then the value read from the fields'
   * fixed positions ({@link IsoText}).
   */
  private static <T> T parse(JsonParser parser, String where, Pattern form, Function<String, T> read,
      String expected) throws IOException {
    String text = readString(parser, where);
    if (text == null) {
      return null;
    }
    if (!form.matcher(text).matches()) {
      throw invalid(where, text, expected);
    }
    try {
      return read.apply(text);
    } catch (DateTimeException e) {
      throw invalid(where, text, expected); // not reached: the pattern admits only valid values
    }
  }
}

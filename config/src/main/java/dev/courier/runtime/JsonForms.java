/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import dev.courier.config.MemberType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The JSON form of each scalar member kind, in JSON Schema's terms: the JSON types it is written as and read from,
 * and the pattern, length and range that bound it. It is the one statement of Courier's value forms: the generated
 * readers check these patterns and ranges ({@link JsonReading}), and the annotation processor writes them into each
 * type's JSON Schema, so the schema and the reader agree by construction.
 *
 * <p>The patterns use only what ECMA-262 and {@code java.util.regex} read alike (character classes, non-capturing
 * groups, counted repetition, {@code ^} and {@code $}), as JSON Schema requires. Temporal values are ISO-8601 with
 * four-digit years; their patterns check the calendar too (month lengths and leap years), so a schema validator that
 * treats {@code format} as an annotation only, as draft 2020-12 does by default, still refuses {@code 2026-02-30}.
 */
public final class JsonForms {

  private static final String DATE = "(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
      + "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
      + "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)";
  private static final String HOURS_MINUTES = "(?:[01][0-9]|2[0-3]):[0-5][0-9]";
  private static final String SECONDS = ":[0-5][0-9](?:\\.[0-9]{1,9})?";
  private static final String OFFSET = "(?:[Zz]|[+-](?:(?:0[0-9]|1[0-7]):[0-5][0-9]|18:00))";

  /** An ISO-8601 date, {@code LocalDate}. */
  public static final String LOCAL_DATE_PATTERN = "^" + DATE + "$";
  /** An ISO-8601 instant with seconds and an offset ({@code Z} in what Courier writes), {@code Instant}. */
  public static final String INSTANT_PATTERN = "^" + DATE + "[Tt]" + HOURS_MINUTES + SECONDS + OFFSET + "$";
  /** An ISO-8601 local date-time, seconds optional as {@code LocalDateTime.toString()} writes it. */
  public static final String LOCAL_DATE_TIME_PATTERN = "^" + DATE + "[Tt]" + HOURS_MINUTES + "(?:" + SECONDS + ")?$";
  /** An ISO-8601 date-time with offset, seconds optional as {@code OffsetDateTime.toString()} writes it. */
  public static final String OFFSET_DATE_TIME_PATTERN =
      "^" + DATE + "[Tt]" + HOURS_MINUTES + "(?:" + SECONDS + ")?" + OFFSET + "$";
  /** A {@code BigDecimal} in a JSON string, as {@code new BigDecimal(String)} reads it, ASCII digits only. */
  public static final String DECIMAL_PATTERN = "^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?$";
  /** A {@code BigInteger} in a JSON string, ASCII digits only. */
  public static final String BIG_INTEGER_PATTERN = "^[+-]?[0-9]+$";
  /** A {@code UUID} in its canonical 36-character form, either case. */
  public static final String UUID_PATTERN =
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
  /** Standard base64 with padding (RFC 4648 section 4), no line breaks or spaces, {@code byte[]}. */
  public static final String BASE64_PATTERN = "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$";
  /** One UTF-16 unit, {@code char}: a character outside the Basic Multilingual Plane does not fit. */
  public static final String CHAR_PATTERN = "^[\\u0000-\\uFFFF]$";

  /** The smallest magnitude that rounds to an infinite {@code float}: 2^128 - 2^103. */
  static final BigDecimal FLOAT_OVERFLOW = new BigDecimal(2).pow(128).subtract(new BigDecimal(2).pow(103));
  /** The smallest magnitude that rounds to an infinite {@code double}: 2^1024 - 2^970. */
  static final BigDecimal DOUBLE_OVERFLOW = new BigDecimal(2).pow(1024).subtract(new BigDecimal(2).pow(970));

  static final Pattern LOCAL_DATE = Pattern.compile(LOCAL_DATE_PATTERN);
  static final Pattern INSTANT = Pattern.compile(INSTANT_PATTERN);
  static final Pattern LOCAL_DATE_TIME = Pattern.compile(LOCAL_DATE_TIME_PATTERN);
  static final Pattern OFFSET_DATE_TIME = Pattern.compile(OFFSET_DATE_TIME_PATTERN);
  static final Pattern DECIMAL = Pattern.compile(DECIMAL_PATTERN);
  static final Pattern BIG_INTEGER = Pattern.compile(BIG_INTEGER_PATTERN);
  static final Pattern UUID = Pattern.compile(UUID_PATTERN);
  static final Pattern BASE64 = Pattern.compile(BASE64_PATTERN);

  private JsonForms() {}

  /**
   * Whether a string is standard base64 with padding: {@link #BASE64_PATTERN}, checked by a loop over the characters
   * (the pattern costs about 7 ns a character, 70 times the decoding itself). {@code JsonFormsTest} checks that the
   * two agree.
   *
   * @param text the string
   * @return whether it matches {@link #BASE64_PATTERN}
   */
  static boolean isBase64(String text) {
    int length = text.length();
    if (length % 4 != 0) {
      return false;
    }
    int padding = length > 0 && text.charAt(length - 1) == '=' ? (text.charAt(length - 2) == '=' ? 2 : 1) : 0;
    for (int i = 0; i < length - padding; i++) {
      char c = text.charAt(i);
      boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
          || c == '/';
      if (!alphabet) {
        return false;
      }
    }
    return true;
  }

  /**
   * The JSON form of a scalar kind, in JSON Schema's terms. {@code null} is not part of it: a reference member also
   * accepts {@code null}, a primitive one does not.
   *
   * @param types the JSON Schema types it is read from, the first the one it is written as
   * @param format the {@code format} annotation, where JSON Schema has one for exactly this form
   * @param contentEncoding the {@code contentEncoding} annotation
   * @param pattern the pattern a string of this form matches
   * @param minLength the fewest characters (code points) of a string
   * @param maxLength the most characters (code points) of a string
   * @param minimum the smallest number, inclusive
   * @param maximum the largest number, inclusive
   * @param exclusiveMinimum the bound a number is above
   * @param exclusiveMaximum the bound a number is below
   */
  public record Form(List<String> types, Optional<String> format, Optional<String> contentEncoding,
      Optional<String> pattern, OptionalInt minLength, OptionalInt maxLength, Optional<BigDecimal> minimum,
      Optional<BigDecimal> maximum, Optional<BigDecimal> exclusiveMinimum, Optional<BigDecimal> exclusiveMaximum) {

    /**
     * Copies the list.
     *
     * @param types the JSON Schema types
     * @param format the {@code format} annotation
     * @param contentEncoding the {@code contentEncoding} annotation
     * @param pattern the pattern of a string
     * @param minLength the fewest characters of a string
     * @param maxLength the most characters of a string
     * @param minimum the smallest number
     * @param maximum the largest number
     * @param exclusiveMinimum the bound a number is above
     * @param exclusiveMaximum the bound a number is below
     */
    public Form {
      types = List.copyOf(types);
    }
  }

  /**
   * The form of a scalar kind.
   *
   * @param kind a scalar kind (not {@code ENUM}, {@code ARRAY}, {@code MAP} or {@code STRUCT})
   * @return its form
   * @throws IllegalArgumentException for a kind that is not a scalar
   */
  public static Form of(MemberType.Kind kind) {
    Objects.requireNonNull(kind, "kind");
    return switch (kind) {
      case BOOLEAN -> form(List.of("boolean"));
      case INT8 -> integer(Byte.MIN_VALUE, Byte.MAX_VALUE);
      case INT16 -> integer(Short.MIN_VALUE, Short.MAX_VALUE);
      case INT32 -> integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
      case INT64 -> integer(Long.MIN_VALUE, Long.MAX_VALUE);
      case FLOAT32 -> number(FLOAT_OVERFLOW);
      case FLOAT64 -> number(DOUBLE_OVERFLOW);
      case CHAR -> new Form(List.of("string"), Optional.empty(), Optional.empty(), Optional.of(CHAR_PATTERN),
          OptionalInt.of(1), OptionalInt.of(1), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty());
      case STRING -> form(List.of("string"));
      case DECIMAL -> string(List.of("string", "number"), null, DECIMAL_PATTERN);
      case BIG_INTEGER -> string(List.of("string", "integer"), null, BIG_INTEGER_PATTERN);
      case UUID -> string(List.of("string"), "uuid", UUID_PATTERN);
      case INSTANT -> string(List.of("string"), "date-time", INSTANT_PATTERN);
      case LOCAL_DATE -> string(List.of("string"), "date", LOCAL_DATE_PATTERN);
      case LOCAL_DATE_TIME -> string(List.of("string"), null, LOCAL_DATE_TIME_PATTERN);
      case OFFSET_DATE_TIME -> string(List.of("string"), null, OFFSET_DATE_TIME_PATTERN);
      case BYTES -> new Form(List.of("string"), Optional.empty(), Optional.of("base64"), Optional.of(BASE64_PATTERN),
          OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty());
      case ENUM, ARRAY, MAP, STRUCT -> throw new IllegalArgumentException("not a scalar kind: " + kind);
    };
  }

  private static Form form(List<String> types) {
    return new Form(types, Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(),
        OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static Form integer(long min, long max) {
    return new Form(List.of("integer"), Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(),
        OptionalInt.empty(), Optional.of(BigDecimal.valueOf(min)), Optional.of(BigDecimal.valueOf(max)),
        Optional.empty(), Optional.empty());
  }

  private static Form number(BigDecimal overflow) {
    return new Form(List.of("number"), Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(),
        OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.of(overflow.negate()), Optional.of(overflow));
  }

  private static Form string(List<String> types, String format, String pattern) {
    return new Form(types, Optional.ofNullable(format), Optional.empty(), Optional.of(pattern), OptionalInt.empty(),
        OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}

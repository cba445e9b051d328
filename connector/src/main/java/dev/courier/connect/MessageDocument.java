/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.courier.config.MemberDescriptor;
import dev.courier.config.MemberType;
import dev.courier.runtime.JsonWriting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the JSON document of one message from the cells of a row (a CSV row, a database row), so that the row is
 * read by the type's generated reader like a JSON line: one set of rules, the generated codec's, decides what a
 * member accepts, and the record is serialized by the same code as the generated producer's
 * ({@link MessageMapping#message}).
 *
 * <p>This class decides only how a cell is handed to the reader, never whether it is valid:
 * <ul>
 *   <li>text (a CSV cell, a text column) becomes a JSON string, except for a boolean member ({@code true} or
 *       {@code false} in any case become JSON booleans) and a numeric member (a decimal number becomes a JSON
 *       number, so {@code 007} and {@code +5} are read as 7 and 5, and a float or double is rounded once as Java
 *       parses the text); text that is neither stays a string, which the reader then refuses with its own message;
 *   <li>a typed column value is written with the runtime's writer of its Java type ({@link JsonWriting}): a
 *       {@code TIMESTAMP WITH TIME ZONE} as an instant or offset date-time, a {@code DATE} as a local date, binary
 *       as base64, an exact numeric as a number (as a string for a {@code BigDecimal} member, which keeps its
 *       scale), an integer 0 or 1 as a boolean for a boolean member;
 *   <li>an empty cell or SQL {@code NULL} leaves the member out, which the reader reads as {@code null} or refuses
 *       for a primitive member.
 * </ul>
 *
 * <p>Not thread-safe: a task keeps one and reuses its buffer.
 */
public final class MessageDocument {

  private static final JsonFactory FACTORY = new JsonFactory();
  /** JSON's number grammar: text that matches is handed to the reader as it is. */
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

  private final ByteArrayBuilder buffer = new ByteArrayBuilder(256);
  private JsonGenerator generator;

  /** Starts a document; the previous one must have been finished with {@link #finish}. */
  public void begin() {
    try {
      buffer.reset();
      generator = FACTORY.createGenerator(buffer, JsonEncoding.UTF8);
      generator.writeStartObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds a member from text: a CSV cell or a text column.
   *
   * @param member the member
   * @param text the text, not {@code null}
   */
  public void text(MemberDescriptor member, String text) {
    try {
      generator.writeFieldName(member.name());
      switch (member.type().kind()) {
        case BOOLEAN -> {
          if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            generator.writeBoolean(text.equalsIgnoreCase("true"));
          } else {
            generator.writeString(text);
          }
        }
        case INT8, INT16, INT32, INT64, BIG_INTEGER -> number(text);
        case FLOAT32, FLOAT64 -> floating(member.type().kind(), text);
        default -> generator.writeString(text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds a member from a typed column value, as {@code JdbcColumn.readRaw} returns it: a {@code Boolean},
   * {@code Long}, {@code BigDecimal}, {@code Float}, {@code Double}, {@code OffsetDateTime}, {@code LocalDateTime},
   * {@code LocalDate}, {@code byte[]} or {@code String}.
   *
   * @param member the member
   * @param cell the value, not {@code null}
   */
  public void value(MemberDescriptor member, Object cell) {
    if (cell instanceof String text) {
      text(member, text);
      return;
    }
    MemberType.Kind kind = member.type().kind();
    try {
      generator.writeFieldName(member.name());
      if (cell instanceof Boolean flag) {
        generator.writeBoolean(flag);
      } else if (cell instanceof Long number) {
        if (kind == MemberType.Kind.BOOLEAN && (number == 0 || number == 1)) {
          generator.writeBoolean(number == 1);
        } else {
          generator.writeNumber(number);
        }
      } else if (cell instanceof BigDecimal number) {
        decimal(kind, number);
      } else if (cell instanceof Float number) {
        generator.writeNumber(number);
      } else if (cell instanceof Double number) {
        generator.writeNumber(number);
      } else if (cell instanceof OffsetDateTime time) {
        if (kind == MemberType.Kind.INSTANT) {
          JsonWriting.writeInstant(generator, time.toInstant());
        } else {
          JsonWriting.writeOffsetDateTime(generator, time);
        }
      } else if (cell instanceof LocalDateTime time) {
        JsonWriting.writeLocalDateTime(generator, time);
      } else if (cell instanceof LocalDate date) {
        JsonWriting.writeLocalDate(generator, date);
      } else if (cell instanceof byte[] bytes) {
        JsonWriting.writeBytes(generator, bytes);
      } else {
        generator.writeString(cell.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Ends the document.
   *
   * @return its UTF-8 bytes
   */
  public byte[] finish() {
    try {
      generator.writeEndObject();
      generator.close();
      return buffer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      generator = null;
    }
  }

  private void number(String text) throws IOException {
    if (JSON_NUMBER.matcher(text).matches()) {
      generator.writeNumber(text);
      return;
    }
    BigDecimal number = parse(text);
    if (number == null) {
      generator.writeString(text);
    } else {
      generator.writeNumber(number);
    }
  }

  /**
   * A float or double member from text: rounded once, as {@code Float.parseFloat} and {@code Double.parseDouble} read
   * it ({@code -0} stays negative zero, which the JSON integer {@code -0} would not), so the member holds what an
   * application reading the same text holds. Text out of range or not a number is handed on for the reader to refuse.
   */
  private void floating(MemberType.Kind kind, String text) throws IOException {
    if (parse(text) == null) {
      generator.writeString(text);
    } else if (kind == MemberType.Kind.FLOAT32 && Float.isFinite(Float.parseFloat(text))) {
      generator.writeNumber(Float.parseFloat(text));
    } else if (kind == MemberType.Kind.FLOAT64 && Double.isFinite(Double.parseDouble(text))) {
      generator.writeNumber(Double.parseDouble(text));
    } else {
      number(text);
    }
  }

  private void decimal(MemberType.Kind kind, BigDecimal number) throws IOException {
    switch (kind) {
      case DECIMAL -> JsonWriting.writeBigDecimal(generator, number);
      case INT8, INT16, INT32, INT64, BIG_INTEGER, BOOLEAN -> {
        // A NUMERIC(10, 2) column holds 5 as 5.00: a whole number is an integer, a fraction stays one (and is refused).
        BigDecimal whole = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        if (whole.scale() <= 0) {
          if (kind == MemberType.Kind.BOOLEAN && (whole.signum() == 0 || whole.compareTo(BigDecimal.ONE) == 0)) {
            generator.writeBoolean(whole.signum() != 0);
          } else {
            generator.writeNumber(whole.toBigIntegerExact());
          }
        } else {
          generator.writeNumber(number);
        }
      }
      default -> generator.writeNumber(number);
    }
  }

  /** A decimal number in any form {@code BigDecimal} reads ({@code +5}, {@code 007}, {@code .5}), or null. */
  private static BigDecimal parse(String text) {
    if (text.isEmpty() || !text.strip().equals(text)) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

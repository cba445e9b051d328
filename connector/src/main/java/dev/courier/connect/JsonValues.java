/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON object (a JSON line, a JSON column) with jackson-core's streaming parser, without building a tree.
 *
 * <p>Without a message type, the object becomes a schemaless {@code Map} with the mapping {@code JsonConverter} uses
 * for schemaless JSON (objects to {@code Map}, arrays to {@code List}, integers to {@code Long}, other numbers to
 * {@code Double}), except that an integer beyond 64 bits is a bad record instead of being truncated. Duplicate member
 * names are bad records, so no value is silently dropped. A line of a {@code message.class} type is not read here: the
 * type's generated reader reads it ({@link MessageMapping#message}).
 */
public final class JsonValues {

  /** Jackson finds duplicate names. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private JsonValues() {}

  /**
   * Reads a JSON object as a schemaless map.
   *
   * @param bytes UTF-8 bytes
   * @param offset where the object starts
   * @param length how many bytes
   * @return the members in input order
   * @throws BadRecordException when the bytes are not exactly one JSON object
   */
  public static Map<String, Object> readSchemaless(byte[] bytes, int offset, int length) throws BadRecordException {
    rejectNul(bytes, offset, length);
    try (JsonParser parser = FACTORY.createParser(bytes, offset, length)) {
      expectObject(parser);
      Map<String, Object> value = readObject(parser);
      expectEnd(parser);
      return value;
    } catch (JsonProcessingException e) {
      throw invalid(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Rejects a raw NUL byte in a record, which JSON never allows (inside a string it must be written as an escape). It must be
   * caught before jackson sees the bytes: jackson guesses the encoding from NUL bytes among the first four, so it
   * would read such a line as UTF-16 or UTF-32, or fail with an I/O error instead of a parse error.
   *
   * @param bytes the buffer holding the record
   * @param offset where the record starts in {@code bytes}
   * @param length the record's length in bytes
   * @throws BadRecordException if the record holds a NUL byte, naming its position in the record
   */
  public static void rejectNul(byte[] bytes, int offset, int length) throws BadRecordException {
    int nul = Swar.indexOf(bytes, offset, offset + length, (byte) 0);
    if (nul >= 0) {
      throw new BadRecordException("invalid JSON: a NUL byte at byte " + (nul - offset + 1) + " of the record;"
          + " JSON allows none (inside a string, write it as \\u0000)");
    }
  }

  private static void expectObject(JsonParser parser) throws IOException, BadRecordException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw new BadRecordException("the line holds no JSON value; a JSON object is expected");
    }
    if (token != JsonToken.START_OBJECT) {
      throw new BadRecordException("the line is " + describe(parser, token) + ", but a JSON object is expected");
    }
  }

  private static void expectEnd(JsonParser parser) throws IOException, BadRecordException {
    JsonToken after = parser.nextToken();
    if (after != null) {
      throw new BadRecordException("found " + describe(parser, after) + " after the JSON object at column "
          + parser.currentTokenLocation().getColumnNr() + "; a line holds exactly one JSON object");
    }
  }

  private static BadRecordException invalid(JsonProcessingException e) {
    String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
    return new BadRecordException("invalid JSON" + where + ": " + e.getOriginalMessage());
  }

  private static Map<String, Object> readObject(JsonParser parser) throws IOException, BadRecordException {
    Map<String, Object> map = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      map.put(name, readAny(parser, parser.nextToken(), name));
    }
    return map;
  }

  private static Object readAny(JsonParser parser, JsonToken token, String path)
      throws IOException, BadRecordException {
    switch (token) {
      case START_OBJECT:
        return readObject(parser);
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        JsonToken element;
        int index = 0;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
          list.add(readAny(parser, element, path + "[" + index++ + "]"));
        }
        return list;
      }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw new BadRecordException("member '" + path + "' is the integer " + parser.getText()
              + ", which does not fit in 64 bits; use message.class with a BigInteger member to keep it");
        }
        return parser.getLongValue();
      case VALUE_NUMBER_FLOAT: {
        double value = parser.getDoubleValue();
        if (Double.isInfinite(value)) {
          throw new BadRecordException("member '" + path + "' is the number " + parser.getText()
              + ", which is out of the range of a double; use message.class with a BigDecimal member to keep it");
        }
        return value;
      }
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new BadRecordException("found " + describe(parser, token) + " at member '" + path + "'");
    }
  }

  private static String describe(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "the string " + quote(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + parser.getText();
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> "null";
      default -> "'" + parser.getText() + "'";
    };
  }

  private static String quote(String text) {
    String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
    return "\"" + shown.replace("\"", "\\\"") + "\"";
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.courier.config.FieldDescriptor;
import dev.courier.config.FieldType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Reads one JSON object (a JSON line, a JSON column) with jackson-core's streaming parser, without building a tree.
 *
 * <p>Without a message type, the object becomes a schemaless {@code Map} with the mapping {@code JsonConverter} uses
 * for schemaless JSON (objects to {@code Map}, arrays to {@code List}, integers to {@code Long}, other numbers to
 * {@code Double}), except that an integer beyond 64 bits is a bad record instead of being truncated. With a message
 * type, it becomes a {@link Struct} of the type's schema ({@link MessageSchemas}); a member that is missing, unknown,
 * {@code null} but not optional, or of the wrong JSON type is a bad record. Duplicate member names are bad records in
 * both cases, so no value is silently dropped.
 */
public final class JsonValues {

  /** Schemaless objects: jackson finds duplicate names. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  /**
   * Messages: {@link #readStructBody} finds duplicate members itself, by the member's index, which costs less than
   * jackson's hash set of every object's names (a duplicate key of a map member is found by the map's size).
   */
  private static final JsonFactory MESSAGE_FACTORY = new JsonFactory();

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
   * Reads a JSON object as a message of a {@code @KafkaMessage} type.
   *
   * @param bytes UTF-8 bytes
   * @param offset where the object starts
   * @param length how many bytes
   * @param schema the type's schema, from {@link MessageSchemas#valueSchema}
   * @param fields the type's members
   * @param typeName the type's name, for messages
   * @return the message
   * @throws BadRecordException when the bytes are not one JSON object of the type
   */
  public static Struct readStruct(
      byte[] bytes, int offset, int length, Schema schema, List<FieldDescriptor> fields, String typeName)
      throws BadRecordException {
    rejectNul(bytes, offset, length);
    try (JsonParser parser = MESSAGE_FACTORY.createParser(bytes, offset, length)) {
      expectObject(parser);
      Struct value = readStructBody(parser, schema, fields, typeName, "");
      expectEnd(parser);
      return value;
    } catch (JsonProcessingException e) {
      throw invalid(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Rejects a raw NUL byte, which JSON never allows (inside a string it must be written as an escape). It must be
   * caught before jackson sees the bytes: jackson guesses the encoding from NUL bytes among the first four, so it
   * would read such a line as UTF-16 or UTF-32, or fail with an I/O error instead of a parse error.
   */
  private static void rejectNul(byte[] bytes, int offset, int length) throws BadRecordException {
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] == 0) {
        throw new BadRecordException("invalid JSON: a NUL byte at byte " + (i - offset + 1) + " of the record;"
            + " JSON allows none (inside a string, write it as \\u0000)");
      }
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

  private static Struct readStructBody(
      JsonParser parser, Schema schema, List<FieldDescriptor> fields, String typeName, String prefix)
      throws IOException, BadRecordException {
    Struct struct = new Struct(schema);
    boolean[] seen = new boolean[fields.size()];
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      int index = indexOf(fields, name);
      String path = prefix.isEmpty() ? name : prefix + name;
      if (index < 0) {
        throw new BadRecordException("'" + path + "' is not a member of " + typeName + " (members: "
            + fields.stream().map(FieldDescriptor::name).collect(Collectors.joining(", ")) + ")");
      }
      if (seen[index]) {
        throw new BadRecordException("member '" + path + "' appears more than once at column "
            + parser.currentTokenLocation().getColumnNr() + "; each member may appear once");
      }
      seen[index] = true;
      FieldDescriptor field = fields.get(index);
      Field member = schema.field(name);
      struct.put(member, readMember(parser, parser.nextToken(), field.type(), field.optional(), member.schema(),
          path));
    }
    for (int i = 0; i < fields.size(); i++) {
      FieldDescriptor field = fields.get(i);
      if (!field.optional() && !seen[i]) {
        throw new BadRecordException("member '" + prefix + field.name() + "' (" + field.type()
            + ") is missing; " + typeName + " requires it");
      }
    }
    return struct;
  }

  private static int indexOf(List<FieldDescriptor> fields, String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static Object readMember(
      JsonParser parser, JsonToken token, FieldType type, boolean optional, Schema schema, String path)
      throws IOException, BadRecordException {
    if (token == JsonToken.VALUE_NULL) {
      if (optional) {
        return null;
      }
      throw new BadRecordException("member '" + path + "' is null, but " + type + " is not optional");
    }
    switch (type.kind()) {
      case BOOLEAN:
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
          return token == JsonToken.VALUE_TRUE;
        }
        break;
      case INT8:
      case INT16:
      case INT32:
      case INT64:
        if (token == JsonToken.VALUE_NUMBER_INT) {
          JsonParser.NumberType size = parser.getNumberType();
          if (size == JsonParser.NumberType.INT || size == JsonParser.NumberType.LONG) {
            return MemberValues.integral(type, parser.getLongValue(), path);
          }
          return MemberValues.integral(type, parser.getBigIntegerValue(), path, parser.getText());
        }
        break;
      case FLOAT32:
      case FLOAT64:
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
          return MemberValues.floating(type, parser.getText(), path);
        }
        break;
      case DECIMAL:
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
          return MemberValues.decimal(parser.getDecimalValue());
        }
        if (token == JsonToken.VALUE_STRING) {
          return MemberValues.fromJsonString(type, parser.getText(), path);
        }
        break;
      case BIG_INTEGER:
        if (token == JsonToken.VALUE_NUMBER_INT) {
          return parser.getBigIntegerValue().toString();
        }
        if (token == JsonToken.VALUE_STRING) {
          return MemberValues.fromJsonString(type, parser.getText(), path);
        }
        break;
      case CHAR:
      case STRING:
      case ENUM:
      case UUID:
      case INSTANT:
      case LOCAL_DATE:
      case LOCAL_DATE_TIME:
      case OFFSET_DATE_TIME:
      case BYTES:
        if (token == JsonToken.VALUE_STRING) {
          return MemberValues.fromJsonString(type, parser.getText(), path);
        }
        break;
      case ARRAY:
        if (token == JsonToken.START_ARRAY) {
          FieldType element = type.element().orElseThrow();
          List<Object> list = new ArrayList<>();
          JsonToken next;
          int index = 0;
          boolean nullable = MessageSchemas.elementsNullable(type);
          while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
            list.add(readMember(parser, next, element, nullable, schema.valueSchema(), path + "[" + index++ + "]"));
          }
          return list;
        }
        break;
      case MAP:
        if (token == JsonToken.START_OBJECT) {
          FieldType value = type.element().orElseThrow();
          Map<String, Object> map = new LinkedHashMap<>();
          boolean nullable = MessageSchemas.elementsNullable(type);
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int size = map.size();
            map.put(key, readMember(parser, parser.nextToken(), value, nullable, schema.valueSchema(),
                path + "." + key));
            if (map.size() == size) {
              throw new BadRecordException("member '" + path + "' has the key " + MemberValues.quote(key)
                  + " more than once; each key may appear once");
            }
          }
          return map;
        }
        break;
      case STRUCT:
        if (token == JsonToken.START_OBJECT) {
          return readStructBody(parser, schema, type.fields(), type.javaType(), path + ".");
        }
        break;
      default:
        break;
    }
    throw new BadRecordException("member '" + path + "' must be " + MemberValues.jsonForm(type) + " (" + type
        + "), but is " + describe(parser, token));
  }

  private static String describe(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "the string " + MemberValues.quote(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + parser.getText();
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> "null";
      default -> "'" + parser.getText() + "'";
    };
  }
}

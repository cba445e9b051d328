/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.courier.config.Suggestions;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQuery;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reading and writing of Courier's JSON form, on jackson-core's streaming API (no data binding, no reflection): the
 * entry points, the structure of objects and arrays, and the errors; the values of each member kind are read by
 * {@link JsonReading} and written by {@link JsonWriting}. The generated {@code TSerializer} and {@code TDeserializer}
 * call these methods, and so Courier's connectors, which read their input with the generated deserializer and write
 * it with the generated serializer.
 *
 * <p>The JSON form of each member type ({@link dev.courier.config.MemberType.Kind} documents it too): booleans,
 * integers and floating-point numbers as JSON numbers, a float or double as the shortest decimal that reads back as
 * the same value ({@code 0.1}, {@code 1.0E23}; NaN and infinities are rejected: JSON cannot hold them);
 * {@code BigDecimal} and {@code BigInteger} as JSON strings holding their exact {@code toString()} ({@code "12.50"},
 * {@code "1E+3"}, {@code "-42"}), so no JSON reader rounds them to a double
 * ({@link dev.courier.config.MemberType.Kind#DECIMAL}); {@code char} as a one-character string; {@code UUID} as its
 * canonical 36-character string; {@code Instant}, {@code LocalDate}, {@code LocalDateTime} and
 * {@code OffsetDateTime} as the ISO-8601 strings their {@code toString()} writes
 * ({@code 2026-11-27T10:15:30Z}, {@code 2026-11-27}, {@code 2026-11-27T10:15},
 * {@code 2026-11-27T10:15:30+01:00}: seconds and fractions only when not zero), with four-digit years (a value
 * outside the years 0000 to 9999, or an offset with seconds, is refused when written), which is also how Courier's
 * connectors normalize them; {@code byte[]} as a standard base64 string with padding; an enum as its constant's
 * name; {@code null} and an empty {@code Optional} as JSON {@code null}. {@link JsonForms} states each form as JSON
 * Schema does; the annotation processor writes it into each type's schema.
 *
 * <p>Reading refuses a value of the wrong JSON type, a number out of the member's range, an unknown enum constant, a
 * duplicate member, a missing or {@code null} primitive, or trailing content with a {@link SerializationException}
 * that names the member and what would be accepted; a member the type does not have is skipped
 * ({@link #skipValue}) or refused, as the type's {@link dev.courier.Reading} says. Nothing is coerced. The
 * leniencies are exact: a {@code BigDecimal} or {@code BigInteger} is also read from a JSON number, as other JSON
 * writers write them, and an integer member from a number whose value is an integer ({@code 1.0}), as JSON Schema's
 * {@code integer} counts it.
 */
public final class Json {

  /*
   * Duplicate members are found by the generated readers, which know each type's members, not by jackson-core's
   * STRICT_DUPLICATE_DETECTION: that keeps a hash set of the names of every object it reads, which cost more than
   * the rest of reading a 20-member object.
   *
   * Numbers are written and read with jackson-core's fast algorithms. The double and float writer (Schubfach) writes
   * the shortest decimal that reads back as the same value, which Double.toString on JDK 17 does not always do
   * (2.82879384806159E17, not 2.82879384806159008E17); the readers (FastDoubleParser) round exactly as
   * Double.parseDouble, Float.parseFloat and new BigDecimal do. A profile of the benchmark messages put
   * Double.toString at a quarter of writing, Double.parseDouble at a fifth of reading.
   */
  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
      .build();
  private static final int MAX_TEXT_SHOWN = 40;
  /** Larger output buffers than this are not kept for the next message of the thread. */
  private static final int MAX_KEPT_BUFFER = 64 * 1024;
  private static final ThreadLocal<Output> OUTPUT = new ThreadLocal<>();

  private Json() {}

  /**
   * Writes one value of a type.
   *
   * @param <T> the value's type
   */
  @FunctionalInterface
  public interface ValueWriter<T> {
    /**
     * Writes a non-null value.
     *
     * @param generator the generator
     * @param value the value, not {@code null}
     * @throws IOException when the generator fails
     */
    void write(JsonGenerator generator, T value) throws IOException;
  }

  /**
   * Reads one value of a type.
   *
   * @param <T> the value's type
   */
  @FunctionalInterface
  public interface ValueReader<T> {
    /**
     * Reads the value at the parser's current token.
     *
     * @param parser the parser, at the value's first token
     * @param where the value's description for errors, such as {@code "com.acme.OrderPlaced"}
     * @return the value, or {@code null} for JSON {@code null}
     * @throws IOException when the parser fails
     */
    T read(JsonParser parser, String where) throws IOException;
  }

  /**
   * Serializes a value to UTF-8 JSON.
   *
   * @param value the value, not {@code null}
   * @param type the value's type name, for errors
   * @param writer writes the value
   * @param <T> the value's type
   * @return the JSON bytes
   * @throws SerializationException when the value cannot be written
   */
  public static <T> byte[] write(T value, String type, ValueWriter<? super T> writer) {
    Output output = OUTPUT.get();
    if (output == null) {
      output = new Output();
      OUTPUT.set(output);
    }
    if (output.busy) {
      // Only when a member's accessor itself serializes a message on this thread: not worth a second buffer.
      return writeOnce(value, type, writer);
    }
    output.busy = true;
    try {
      JsonGenerator generator = output.generator();
      if (output.prefix != null) {
        // Schema Registry framing (SchemaRegistryFraming): written before the JSON, so the frame costs no copy.
        output.buffer.write(output.prefix, 0, output.prefix.length);
        output.prefix = null;
      }
      writer.write(generator, value);
      generator.flush();
      return output.take();
    } catch (IOException e) {
      output.discard();
      throw new SerializationException("Cannot write " + type + " as JSON: " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      output.discard();
      throw e;
    } finally {
      output.busy = false;
    }
  }

  /**
   * Makes the next {@link #write} on this thread put bytes before its JSON, as Schema Registry framing needs, so that
   * the frame is written into the output buffer rather than copied in front of the finished bytes. The caller then
   * serializes and calls {@link #prefixWritten}, in a {@code finally}.
   *
   * @param prefix the bytes before the JSON
   * @return the thread's output, or {@code null} when a write is under way on this thread (nothing is pending then)
   */
  static Output pendPrefix(byte[] prefix) {
    Output output = OUTPUT.get();
    if (output == null) {
      output = new Output();
      OUTPUT.set(output);
    }
    if (output.busy) {
      return null;
    }
    output.prefix = prefix;
    return output;
  }

  /**
   * Whether the prefix {@link #pendPrefix} left was written; it is no longer pending after this.
   *
   * @param output what {@code pendPrefix} returned
   * @return {@code true} when the serializer wrote through {@link #write}, so its bytes start with the prefix
   */
  static boolean prefixWritten(Output output) {
    if (output == null) {
      return false;
    }
    boolean written = output.prefix == null;
    output.prefix = null;
    return written;
  }

  private static <T> byte[] writeOnce(T value, String type, ValueWriter<? super T> writer) {
    ByteArrayBuilder out = new ByteArrayBuilder(256);
    try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      writer.write(generator, value);
    } catch (IOException e) {
      throw new SerializationException("Cannot write " + type + " as JSON: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /**
   * A thread's generator and the buffer it writes into, kept from one message to the next: creating a generator
   * (its context, its buffers) cost as much as writing a small message. A message is one root-level value; the
   * generator writes the next one right after it, with no separator, and the buffer hands out each message's bytes.
   * After any failure the pair is dropped, so a half-written message never reaches the next one.
   */
  static final class Output {
    private Buffer buffer;
    private JsonGenerator generator;
    boolean busy;
    /** Bytes the next {@link #write} on this thread puts before its JSON, or {@code null}. */
    byte[] prefix;

    JsonGenerator generator() throws IOException {
      if (generator == null) {
        buffer = new Buffer();
        generator = FACTORY.createGenerator(buffer, JsonEncoding.UTF8);
        generator.setRootValueSeparator(null);
      }
      return generator;
    }

    /** The message's bytes (the only allocation that stays with the message), and the buffer cleared. */
    byte[] take() {
      byte[] bytes = Arrays.copyOf(buffer.bytes, buffer.count);
      if (buffer.bytes.length > MAX_KEPT_BUFFER) {
        discard();
      } else {
        buffer.count = 0;
      }
      return bytes;
    }

    void discard() {
      generator = null;
      buffer = null;
    }
  }

  /**
   * Where a thread's generator flushes a message: a growing array, confined to the thread, so without the locking of
   * {@code ByteArrayOutputStream}, whose three lock operations per message cost a fifth of writing a small one.
   */
  private static final class Buffer extends OutputStream {
    byte[] bytes = new byte[512];
    int count;

    @Override
    public void write(int b) {
      ensure(1);
      bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
      ensure(length);
      System.arraycopy(source, offset, bytes, count, length);
      count += length;
    }

    private void ensure(int more) {
      if (count + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
      }
    }
  }

  /**
   * Deserializes one JSON object, and checks that nothing follows it.
   *
   * @param data UTF-8 JSON
   * @param type the type name, for errors
   * @param reader reads the object
   * @param <T> the value's type
   * @return the value
   * @throws SerializationException when the bytes are not a well-formed JSON object of the type
   */
  public static <T> T read(byte[] data, String type, ValueReader<T> reader) {
    return read(data, 0, type, reader);
  }

  /**
   * Deserializes a value of a type from the UTF-8 JSON that starts at an offset, such as after Schema Registry's
   * framing ({@link SchemaRegistryFrames#payloadOffset}).
   *
   * @param data the bytes
   * @param offset where the JSON object starts; it runs to the end of {@code data}
   * @param type the type's name, for errors
   * @param reader reads the object
   * @param <T> the value's type
   * @return the value
   * @throws SerializationException when the JSON is malformed, is not the type's form, or has trailing content
   */
  public static <T> T read(byte[] data, int offset, String type, ValueReader<T> reader) {
    try (JsonParser parser = FACTORY.createParser(data, offset, data.length - offset)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new SerializationException("Cannot read " + type + ": the data is empty, expected a JSON object");
      }
      if (first != JsonToken.START_OBJECT) {
        throw mismatch(parser, type, "a JSON object");
      }
      T value = reader.read(parser, type);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw new SerializationException("Cannot read " + type + ": unexpected " + describe(parser)
            + " after the end of the JSON object" + at(parser.currentTokenLocation()));
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new SerializationException(
          "Cannot read " + type + ": malformed JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new SerializationException("Cannot read " + type + ": " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------------------------------------- structure

  /**
   * Checks that the current token starts an object.
   *
   * @param parser the parser
   * @param where the value's description
   * @throws SerializationException when it does not
   */
  public static void expectObject(JsonParser parser, String where) {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw mismatch(parser, where, "a JSON object");
    }
  }

  /**
   * Checks that the current token starts an array.
   *
   * @param parser the parser
   * @param where the value's description
   * @throws SerializationException when it does not
   */
  public static void expectArray(JsonParser parser, String where) {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw mismatch(parser, where, "a JSON array");
    }
  }

  /**
   * Moves to the next member of the current object and to its value.
   *
   * @param parser the parser, inside an object
   * @return the member's name with the parser at its value, or {@code null} at the end of the object
   * @throws IOException when the parser fails
   */
  public static String nextMember(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.END_OBJECT) {
      return null;
    }
    String name = parser.currentName();
    parser.nextToken();
    return name;
  }

  /**
   * Moves to the next member of the current object and to its value, comparing the next name with the expected one
   * first. Courier's serializers write members in declaration order, so the expected name is nearly always next, and
   * comparing its bytes costs less than looking the name up. Any order is read.
   *
   * @param parser the parser, inside an object
   * @param expected the member that usually comes next, or {@code null}
   * @return the member's name with the parser at its value, or {@code null} at the end of the object
   * @throws IOException when the parser fails
   */
  public static String nextMember(JsonParser parser, SerializableString expected) throws IOException {
    if (expected == null) {
      return nextMember(parser);
    }
    if (parser.nextFieldName(expected)) {
      parser.nextToken();
      return expected.getValue();
    }
    if (parser.currentToken() == JsonToken.END_OBJECT) {
      return null;
    }
    String name = parser.currentName();
    parser.nextToken();
    return name;
  }

  /**
   * Moves to the next element of the current array.
   *
   * @param parser the parser, inside an array
   * @return {@code true} with the parser at the element, or {@code false} at the end of the array
   * @throws IOException when the parser fails
   */
  public static boolean nextElement(JsonParser parser) throws IOException {
    return parser.nextToken() != JsonToken.END_ARRAY;
  }

  /**
   * Whether the current token is JSON {@code null}.
   *
   * @param parser the parser
   * @return {@code true} for {@code null}
   */
  public static boolean isNull(JsonParser parser) {
    return parser.currentToken() == JsonToken.VALUE_NULL;
  }

  /**
   * Skips the value of a member the type does not have: a scalar is left unread (a string is not even decoded), an
   * object or array is passed over token by token, so no tree is built and nothing is kept. Jackson still checks that
   * the skipped JSON is well-formed.
   *
   * @param parser the parser, at the value
   * @throws IOException when the parser fails, or the skipped JSON is malformed
   */
  public static void skipValue(JsonParser parser) throws IOException {
    parser.skipChildren();
  }

  /**
   * The error for a member the type does not have.
   *
   * @param type the type being read
   * @param member the unknown member's name
   * @param known the type's members
   * @return the exception to throw
   */
  public static SerializationException unknownMember(String type, String member, String... known) {
    String hint = Suggestions.closest(member, Arrays.asList(known)).map(s -> " Did you mean '" + s + "'?").orElse("");
    return new SerializationException(
        "Cannot read "
            + type
            + ": it has no member '"
            + member
            + "'."
            + hint
            + " Its members are: "
            + String.join(", ", known)
            + ".");
  }

  /**
   * The error for a member that appears twice in one object.
   *
   * @param parser the parser, at the second value
   * @param where the member's description, such as {@code "member 'id' of com.acme.OrderPlaced"}
   * @return the exception to throw
   */
  public static SerializationException duplicateMember(JsonParser parser, String where) {
    return new SerializationException(
        "Cannot read " + where + ": it appears more than once" + at(parser.currentTokenLocation())
            + "; each member may appear once.");
  }

  /**
   * The error for a key that appears twice in one JSON object read as a map.
   *
   * @param parser the parser, at the second value
   * @param where the map's description
   * @param key the key
   * @return the exception to throw
   */
  public static SerializationException duplicateKey(JsonParser parser, String where, String key) {
    return new SerializationException(
        "Cannot read " + where + ": key " + quote(key) + " appears more than once"
            + at(parser.currentTokenLocation()) + "; each key may appear once.");
  }

  /**
   * The error for a primitive member that is absent.
   *
   * @param type the type being read
   * @param member the member's name
   * @param javaType the member's primitive type
   * @return the exception to throw
   */
  public static SerializationException missingMember(String type, String member, String javaType) {
    return new SerializationException(
        "Cannot read " + type + ": member '" + member + "' (" + javaType + ") is missing; a primitive member"
            + " needs a value.");
  }

  /**
   * The error for a map key that is {@code null}, which JSON cannot hold.
   *
   * @param where the map's description
   * @return the exception to throw
   */
  public static SerializationException nullMapKey(String where) {
    return new SerializationException("Cannot write " + where + ": a map key is null; JSON object keys are strings");
  }

  // ---------------------------------------------------------------------------------------------- errors

  /** Where in the data, for messages: {@code " at line 1, column 17"}, or empty when unknown. */
  static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  static SerializationException mismatch(JsonParser parser, String where, String expected) {
    String got = parser.currentToken() == JsonToken.VALUE_NULL ? "null (the member is a primitive)" : describe(parser);
    return new SerializationException("Cannot read " + where + ": expected " + expected + ", got " + got + ".");
  }

  static SerializationException outOfRange(JsonParser parser, String where, String javaType) {
    return new SerializationException(
        "Cannot read " + where + ": " + describe(parser) + " is out of the range of " + javaType + ".");
  }

  static SerializationException invalid(String where, String text, String expected) {
    return new SerializationException(
        "Cannot read " + where + ": " + quote(text) + " is not valid; expected " + expected);
  }

  static SerializationException notFinite(String where, double value) {
    return new SerializationException(
        "Cannot write " + where + ": " + value + " is not a finite number, which JSON cannot hold.");
  }

  static String describe(JsonParser parser) {
    JsonToken token = parser.currentToken();
    if (token == null) {
      return "the end of the input";
    }
    try {
      switch (token) {
        case VALUE_STRING:
          return "the string " + quote(parser.getText());
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return "the number " + parser.getText();
        case VALUE_TRUE:
        case VALUE_FALSE:
          return parser.getText();
        case VALUE_NULL:
          return "null";
        case START_OBJECT:
          return "an object";
        case START_ARRAY:
          return "an array";
        default:
          return token.name().toLowerCase(Locale.ROOT);
      }
    } catch (IOException e) {
      return token.name().toLowerCase(Locale.ROOT);
    }
  }

  static String quote(String text) {
    String shown = text.length() > MAX_TEXT_SHOWN ? text.substring(0, MAX_TEXT_SHOWN) + "..." : text;
    return "\"" + shown + "\"";
  }
}

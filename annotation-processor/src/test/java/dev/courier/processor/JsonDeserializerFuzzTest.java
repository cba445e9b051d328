/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.Reading;
import dev.courier.processor.fixtures.Address;
import dev.courier.processor.fixtures.AllTypes;
import dev.courier.processor.fixtures.AllTypesDeserializer;
import dev.courier.processor.fixtures.AllTypesSerializer;
import dev.courier.processor.fixtures.Customer;
import dev.courier.processor.fixtures.Geo;
import dev.courier.processor.fixtures.Money;
import dev.courier.processor.fixtures.Status;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Fuzzing of the generated JSON codec ({@code AllTypesSerializer} / {@code AllTypesDeserializer}, which reach every
 * supported member type, nested records, a class with setters and a class with an all-members constructor).
 *
 * <p>Properties: a random value round-trips byte for byte; random JSON documents, random mutations of valid JSON and
 * random bytes are either read (and then written and read again to the same bytes) or rejected with a
 * {@link SerializationException} whose message names the type and the member or the position; never another
 * exception type, never a hang. Seeds are fixed and tries bounded (see {@code junit-platform.properties}); run longer
 * with {@code -Djqwik.tries.default=200000}. Every failing case found is kept as an {@link Example} below.
 */
class JsonDeserializerFuzzTest {
  private static final AllTypesSerializer SERIALIZER = new AllTypesSerializer();
  private static final AllTypesDeserializer DESERIALIZER = new AllTypesDeserializer();
  private static final AllTypesDeserializer STRICT_DESERIALIZER = new AllTypesDeserializer(Reading.STRICT);
  private static final String TYPE = AllTypes.class.getName();
  private static final long HANG_NANOS = 10_000_000_000L;
  private static final Pattern POSITION = Pattern.compile("line \\d+, column \\d+");
  private static final List<String> NAMES = List.of(
      "id", "flag", "tiny", "small", "count", "big", "ratio", "precise", "initial", "boxedFlag", "boxedTiny",
      "boxedSmall", "boxedCount", "boxedBig", "boxedRatio", "boxedPrecise", "boxedInitial", "text", "status",
      "decimal", "integer", "uuid", "instant", "date", "dateTime", "offsetDateTime", "bytes", "maybeText",
      "maybeAddress", "tags", "codes", "amounts", "ints", "names", "addresses", "matrix", "counters", "addressBook",
      "statuses", "nested", "home", "customer", "price", "street", "zip", "geo", "note", "lat", "lon", "name", "vip",
      "visits", "amount", "currency");

  // ------------------------------------------------------------------------------------------------ properties

  @Property(seed = "20261127")
  void randomValuesRoundTripByteForByte(@ForAll("values") AllTypes value) {
    byte[] json = SERIALIZER.serialize("t", value);
    AllTypes read = DESERIALIZER.deserialize("t", json);
    assertThat(new String(SERIALIZER.serialize("t", read), StandardCharsets.UTF_8))
        .isEqualTo(new String(json, StandardCharsets.UTF_8));
  }

  @Property(seed = "4711")
  void randomJsonIsReadOrRejectedClearly(@ForAll("documents") String json) {
    check(json.getBytes(StandardCharsets.UTF_8));
  }

  @Property(seed = "1234567")
  void mutatedValidJsonIsReadOrRejectedClearly(@ForAll("values") AllTypes value, @ForAll long mutationSeed) {
    check(mutate(SERIALIZER.serialize("t", value), new Random(mutationSeed)));
  }

  @Property(seed = "99")
  void randomBytesAreRejectedClearly(@ForAll("bytes") byte[] data) {
    check(data);
  }

  @Property(seed = "31337")
  void valuesWithLoneSurrogatesAreWrittenOrRejectedWithASerializationException(@ForAll long seed) {
    Random random = new Random(seed);
    AllTypes value = new RandomValues(random, true).allTypes();
    byte[] json;
    try {
      json = SERIALIZER.serialize("t", value);
    } catch (SerializationException e) {
      assertThat(e.getMessage()).startsWith("Cannot write");
      return;
    }
    check(json);
  }

  // ------------------------------------------------------------------------------------------------ the oracle

  /**
   * Reads the data tolerantly (the type's default) and strictly: each reading gives a value that round-trips, or a
   * SerializationException naming the member or the position; and the two differ only on members the type does not
   * have: whatever strict reading reads, tolerant reading reads the same, and whatever tolerant reading refuses,
   * strict reading refuses too.
   */
  static void check(byte[] data) {
    AllTypes tolerant = check(DESERIALIZER, data);
    AllTypes strict = check(STRICT_DESERIALIZER, data);
    if (strict != null) {
      assertThat(tolerant).as("read strictly, so read tolerantly too").isNotNull();
      assertThat(new String(SERIALIZER.serialize("t", tolerant), StandardCharsets.UTF_8))
          .isEqualTo(new String(SERIALIZER.serialize("t", strict), StandardCharsets.UTF_8));
    }
    if (tolerant == null) {
      assertThat(strict).as("refused tolerantly, so refused strictly too").isNull();
    }
  }

  /** One reading of the data: the value, which round-trips, or {@code null} when it is refused clearly. */
  private static AllTypes check(AllTypesDeserializer deserializer, byte[] data) {
    long start = System.nanoTime();
    AllTypes value;
    try {
      value = deserializer.deserialize("t", data);
    } catch (SerializationException e) {
      String message = e.getMessage();
      assertThat(message).as("message of %s", e).startsWith("Cannot read ");
      // A nested type's errors name that type (for example com.acme.Address) and its member.
      assertThat(message).as("names a type").matches("(?s)Cannot read (member '[^']+' of )?[\\w.$]+[: ].*");
      boolean located = message.contains("member '")
          || POSITION.matcher(message).find()
          || message.contains("expected a JSON object")
          || message.contains("the data is empty");
      assertThat(located).as("names the member or the position: %s", message).isTrue();
      return null;
    } finally {
      assertThat(System.nanoTime() - start).as("time to read %d bytes", data.length).isLessThan(HANG_NANOS);
    }
    assertThat(value).as("a JSON object reads as a message").isNotNull();
    byte[] written = SERIALIZER.serialize("t", value);
    assertThat(new String(SERIALIZER.serialize("t", deserializer.deserialize("t", written)), StandardCharsets.UTF_8))
        .isEqualTo(new String(written, StandardCharsets.UTF_8));
    return value;
  }

  // ------------------------------------------------------------------------------------------------ regressions

  /** Inputs the properties above once failed on: a malformed-JSON message named neither member nor position. */
  @Example
  void malformedJsonNamesThePosition() {
    byte[] controlCharacter = {'{', '"', 't', 'i', 'n', 'y', '"', (byte) 0x8c, ':', '1', '}'};
    byte[] nul = {'{', 0, '}'};
    byte[] trailing = (new String(SERIALIZER.serialize("t", JsonCodecTest.full()), StandardCharsets.UTF_8) + " x")
        .getBytes(StandardCharsets.UTF_8);
    for (byte[] data : List.of(controlCharacter, nul, trailing)) {
      check(data);
      assertThat(catchMessage(data)).containsPattern(POSITION);
    }
    assertThat(catchMessage(nul)).startsWith("Cannot read " + TYPE + ": malformed JSON at line 1, column 2: ");
  }

  private static String catchMessage(byte[] data) {
    try {
      DESERIALIZER.deserialize("t", data);
    } catch (SerializationException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted " + new String(data, StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------------------------------------ generators

  @Provide
  Arbitrary<AllTypes> values() {
    return Arbitraries.randomValue(random -> new RandomValues(random, false).allTypes()).withoutEdgeCases();
  }

  @Provide
  Arbitrary<String> documents() {
    return Arbitraries.randomValue(random -> {
      StringBuilder out = new StringBuilder();
      RandomJson json = new RandomJson(random);
      if (random.nextInt(10) == 0) {
        json.value(out, 0);
      } else {
        json.object(out, 0, true);
      }
      return out.toString();
    }).withoutEdgeCases();
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
  }

  /** Applies 1 to 4 random edits: flip, delete, insert, duplicate, truncate, or a structural token. */
  static byte[] mutate(byte[] json, Random random) {
    byte[] data = json;
    int edits = 1 + random.nextInt(4);
    String[] tokens = {"{", "}", "[", "]", ",", ":", "\"", "\\", "null", "-", "1e999", "0.0000001", "\u0000", "tru",
        "\"\\ud800\"", "{\"id\":1}", "99999999999999999999999", "\uFEFF", "\r\n", "\"tiny\":"};
    for (int i = 0; i < edits && data.length > 0; i++) {
      int at = random.nextInt(data.length);
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 16);
      switch (random.nextInt(6)) {
        case 0 -> {
          data = data.clone();
          data[at] = (byte) random.nextInt(256);
          continue;
        }
        case 1 -> {
          int end = Math.min(data.length, at + 1 + random.nextInt(8));
          out.write(data, 0, at);
          out.write(data, end, data.length - end);
        }
        case 2 -> {
          out.write(data, 0, at);
          out.writeBytes(tokens[random.nextInt(tokens.length)].getBytes(StandardCharsets.UTF_8));
          out.write(data, at, data.length - at);
        }
        case 3 -> {
          int end = Math.min(data.length, at + 1 + random.nextInt(32));
          out.write(data, 0, end);
          out.write(data, at, data.length - at);
        }
        case 4 -> out.write(data, 0, at);
        default -> {
          out.write(data, 0, at);
          out.write(random.nextInt(256));
          out.write(data, at, data.length - at);
        }
      }
      data = out.toByteArray();
    }
    return data;
  }

  /** Random JSON documents whose member names are mostly AllTypes' and its nested types'. */
  static final class RandomJson {
    private final Random random;

    RandomJson(Random random) {
      this.random = random;
    }

    void object(StringBuilder out, int depth, boolean top) {
      out.append('{');
      int members = top ? random.nextInt(12) : random.nextInt(4);
      for (int i = 0; i < members; i++) {
        if (i > 0) {
          out.append(',');
        }
        String name = random.nextInt(8) == 0 ? randomText() : NAMES.get(random.nextInt(NAMES.size()));
        quote(out, name);
        out.append(':');
        value(out, depth + 1);
      }
      out.append('}');
    }

    void value(StringBuilder out, int depth) {
      int kind = random.nextInt(depth > 6 ? 8 : 10);
      switch (kind) {
        case 0 -> out.append("null");
        case 1 -> out.append(random.nextBoolean());
        case 2 -> out.append(random.nextInt(5) == 0 ? random.nextLong() : random.nextInt(300) - 150);
        case 3 -> out.append(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
        case 4 -> out.append(List.of("1e999", "-0", "0.0", "1E-400", "123456789012345678901234567890", "-1e-7",
            "9223372036854775808", "32768", "128", "3.4028236e38").get(random.nextInt(10)));
        case 5, 6 -> quote(out, random.nextInt(3) == 0 ? sample() : randomText());
        case 7 -> {
          out.append('"');
          out.append(List.of("2026-11-27T10:15:30Z", "2026-02-30", "NEW", "PAID", "paid", "AAEC", "A=",
              "123e4567-e89b-12d3-a456-426614174000", "2026-11-27T10:15", "2026-11-27T10:15:30+01:00", "x",
              "+999999999-12-31T23:59:59Z").get(random.nextInt(12)));
          out.append('"');
        }
        case 8 -> {
          out.append('[');
          int n = random.nextInt(4);
          for (int i = 0; i < n; i++) {
            if (i > 0) {
              out.append(',');
            }
            value(out, depth + 1);
          }
          out.append(']');
        }
        default -> object(out, depth + 1, false);
      }
    }

    private String sample() {
      return List.of("", "a", "ß", "😀", "\u0000", "\\", "\"").get(random.nextInt(7));
    }

    private String randomText() {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(6);
      for (int i = 0; i < n; i++) {
        text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x10FFFF) : 0x20 + random.nextInt(0x5F));
      }
      return text.toString().replaceAll("[\\ud800-\\udfff]", "?");
    }

    private static void quote(StringBuilder out, String text) {
      out.append('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      out.append('"');
    }
  }

  /** Random values of every member type, biased towards edge values. */
  static final class RandomValues {
    private final Random random;
    private final boolean loneSurrogates;

    RandomValues(Random random, boolean loneSurrogates) {
      this.random = random;
      this.loneSurrogates = loneSurrogates;
    }

    AllTypes allTypes() {
      return new AllTypes(
          nullable(this::uuid), random.nextBoolean(), pick(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) random.nextInt()),
          pick(Short.MIN_VALUE, Short.MAX_VALUE, (short) random.nextInt()),
          pick(Integer.MIN_VALUE, Integer.MAX_VALUE, random.nextInt()),
          pick(Long.MIN_VALUE, Long.MAX_VALUE, random.nextLong()), floatValue(), doubleValue(), charValue(),
          nullable(random::nextBoolean), nullable(() -> (byte) random.nextInt()),
          nullable(() -> (short) random.nextInt()), nullable(random::nextInt), nullable(random::nextLong),
          nullable(this::floatValue), nullable(this::doubleValue), nullable(this::charValue), nullable(this::text),
          nullable(() -> Status.values()[random.nextInt(3)]), nullable(this::decimal), nullable(this::integer),
          nullable(this::uuid), nullable(this::instant), nullable(this::date), nullable(this::dateTime),
          nullable(this::offsetDateTime), nullable(this::bytes),
          random.nextBoolean() ? Optional.empty() : Optional.of(text()),
          random.nextBoolean() ? Optional.empty() : Optional.of(address()),
          nullable(() -> list(() -> nullable(this::text))),
          nullable(() -> new LinkedHashSet<>(list(() -> random.nextInt(10)))),
          nullable(() -> list(random::nextLong)),
          nullable(() -> random.ints(random.nextInt(4)).toArray()),
          nullable(() -> list(() -> nullable(this::text)).toArray(new String[0])),
          nullable(() -> list(() -> nullable(this::address)).toArray(new Address[0])),
          nullable(() -> list(() -> random.ints(random.nextInt(3)).toArray()).toArray(new int[0][])),
          nullable(() -> map(() -> nullable(random::nextInt))),
          nullable(() -> map(() -> list(this::address))),
          nullable(() -> list(() -> Status.values()[random.nextInt(3)])),
          nullable(() -> list(() -> list(this::text))),
          nullable(this::address),
          nullable(() -> new Customer(nullable(this::text), random.nextBoolean(), random.nextInt())),
          nullable(() -> new Money(nullable(this::text), nullable(this::decimal))));
    }

    private <T> T nullable(Supplier<T> value) {
      return random.nextInt(6) == 0 ? null : value.get();
    }

    @SafeVarargs
    private <T> T pick(T... candidates) {
      return candidates[random.nextInt(candidates.length)];
    }

    private <T> List<T> list(Supplier<T> element) {
      int n = random.nextInt(4);
      List<T> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(element.get());
      }
      return list;
    }

    private <T> Map<String, T> map(Supplier<T> value) {
      Map<String, T> map = new LinkedHashMap<>();
      int n = random.nextInt(4);
      for (int i = 0; i < n; i++) {
        map.put(text(), value.get());
      }
      return map;
    }

    private Address address() {
      return new Address(nullable(this::text), random.nextInt(),
          nullable(() -> new Geo(doubleValue(), doubleValue())),
          random.nextBoolean() ? Optional.empty() : Optional.of(text()));
    }

    private float floatValue() {
      float bits = Float.intBitsToFloat(random.nextInt());
      return pick(0f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, random.nextFloat() * 1e6f,
          Float.isFinite(bits) ? bits : 1.5f);
    }

    private double doubleValue() {
      double bits = Double.longBitsToDouble(random.nextLong());
      return pick(0d, -0d, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, random.nextGaussian() * 1e10,
          Double.isFinite(bits) ? bits : 1.5);
    }

    private char charValue() {
      char c = (char) random.nextInt(0x10000);
      if (!loneSurrogates && Character.isSurrogate(c)) {
        return 'x';
      }
      return pick('"', '\\', '\u0000', '\n', 'ß', c);
    }

    private String text() {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(8);
      for (int i = 0; i < n; i++) {
        int kind = random.nextInt(5);
        if (kind == 0) {
          text.appendCodePoint(random.nextInt(0x10FFFF + 1));
        } else if (kind == 1) {
          text.append((char) random.nextInt(0x20));
        } else {
          text.append((char) (0x20 + random.nextInt(0x5F)));
        }
      }
      String s = text.toString();
      if (!loneSurrogates) {
        // Keep only well-formed UTF-16 (appendCodePoint may have produced a lone surrogate code point).
        s = s.codePoints().filter(cp -> cp < 0xD800 || cp > 0xDFFF)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
      } else if (random.nextBoolean()) {
        s = s + '\uD800';
      }
      return s;
    }

    private BigDecimal decimal() {
      return pick(BigDecimal.ZERO, new BigDecimal("-0.000"), new BigDecimal("1E+999"), new BigDecimal("1e-400"),
          new BigDecimal(random.nextLong()).scaleByPowerOfTen(random.nextInt(60) - 30));
    }

    private BigInteger integer() {
      return new BigInteger(random.nextInt(300), random).multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
    }

    private UUID uuid() {
      return new UUID(random.nextLong(), random.nextLong());
    }

    // Courier's JSON form holds years 0000 to 9999 and offsets in whole minutes (JsonForms); the writer refuses the
    // rest, which JsonCodecTest checks.
    private Instant instant() {
      Instant first = Instant.parse("0000-01-01T00:00:00Z");
      Instant last = Instant.parse("9999-12-31T23:59:59.999999999Z");
      long seconds = first.getEpochSecond() + Math.floorMod(random.nextLong(), last.getEpochSecond()
          - first.getEpochSecond());
      return pick(first, last, Instant.EPOCH, Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000)));
    }

    private LocalDate date() {
      long first = LocalDate.of(0, 1, 1).toEpochDay();
      long last = LocalDate.of(9999, 12, 31).toEpochDay();
      return pick(LocalDate.of(0, 1, 1), LocalDate.of(9999, 12, 31),
          LocalDate.ofEpochDay(first + Math.floorMod(random.nextLong(), last - first + 1)));
    }

    private LocalDateTime dateTime() {
      return pick(LocalDateTime.of(0, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
          LocalDateTime.of(date(), java.time.LocalTime.ofNanoOfDay(
              Math.floorMod(random.nextLong(), 86_400_000_000_000L))));
    }

    private OffsetDateTime offsetDateTime() {
      return pick(OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.MAX),
          OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.MIN),
          OffsetDateTime.of(dateTime(), ZoneOffset.ofTotalSeconds(60 * (random.nextInt(2161) - 1080))));
    }

    private byte[] bytes() {
      byte[] bytes = new byte[random.nextInt(6)];
      random.nextBytes(bytes);
      return bytes;
    }
  }

}

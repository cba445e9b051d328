/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.connect.FakeTaskContext;
import dev.courier.connect.FakeTaskContext.FakeClock;
import dev.courier.connect.MessageClassConfig;
import dev.courier.connect.messages.EveryKind;
import dev.courier.connect.messages.EveryKindDeserializer;
import dev.courier.connect.messages.EveryKindProducer;
import dev.courier.connect.messages.EveryKindSerializer;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record the file source streams with {@code message.class} is the record the generated producer sends for the same
 * message, for every member kind: the same topic, key bytes, value bytes, headers (a {@code byte[]} header included)
 * and timestamp. Each case sets one member of {@link EveryKind} from a JSON text as an external file might hold it
 * (or a CSV cell), next to the Java value an application would have for it; every other reference member is absent
 * from the line and {@code null} in the object. The producer's side is the generated {@code EveryKindProducer}'s
 * {@code toRecord} and serializers, as {@code KafkaProducer.send} applies them; the partition follows from the key
 * bytes under the default partitioner, on both paths alike. (JDBC rows: {@code JdbcMessageClassTest}.)
 */
class JsonAgreementTest {

  @TempDir Path in;
  FileSourceTask task;

  @AfterEach
  void stop() {
    if (task != null) {
      task.stop();
    }
  }

  /** One member set from a JSON text, and the Java value it stands for. */
  record Case(String member, String json, Object value) {
    @Override
    public String toString() {
      return member + "=" + json;
    }
  }

  static Case of(String member, String json, Object value) {
    return new Case(member, json, value);
  }

  static Case decimal(String member, String json) {
    return of(member, json, new BigDecimal(json));
  }

  static Case floatOf(String member, String json) {
    return of(member, json, Float.parseFloat(json));
  }

  static Case doubleOf(String member, String json) {
    return of(member, json, Double.parseDouble(json));
  }

  static Case text(String member, String value, String json) {
    return of(member, json, value);
  }

  static <K, V> Map<K, V> ordered(Object... entries) {
    Map<K, V> map = new LinkedHashMap<>();
    for (int i = 0; i < entries.length; i += 2) {
      @SuppressWarnings("unchecked")
      K key = (K) entries[i];
      @SuppressWarnings("unchecked")
      V value = (V) entries[i + 1];
      map.put(key, value);
    }
    return map;
  }

  static final List<Case> CASES = List.of(
      // BOOLEAN
      of("flag", "true", true),
      of("boxedFlag", "false", false),
      // INT8 .. INT64
      of("tiny", "-128", (byte) -128),
      of("boxedTiny", "127", (byte) 127),
      of("small", "-32768", (short) -32768),
      of("boxedSmall", "32767", (short) 32767),
      of("count", "-2147483648", Integer.MIN_VALUE),
      of("boxedCount", "2147483647", Integer.MAX_VALUE),
      of("big", "-9223372036854775808", Long.MIN_VALUE),
      of("boxedBig", "9223372036854775807", Long.MAX_VALUE),
      // FLOAT32: shortest repr, double rounding, extremes, negative zero, integers and exponents
      floatOf("ratio", "1.1"),
      floatOf("ratio", "1.0000000596046448"),
      floatOf("ratio", "3.4028235E38"),
      floatOf("ratio", "1.4E-45"),
      floatOf("ratio", "-0.0"),
      floatOf("ratio", "1"),
      floatOf("ratio", "1e10"),
      floatOf("boxedRatio", "0.1"),
      // FLOAT64
      doubleOf("precise", "0.1"),
      doubleOf("precise", "0.30000000000000004"),
      doubleOf("precise", "2.82879384806159E17"),
      doubleOf("precise", "4.9E-324"),
      doubleOf("precise", "1.7976931348623157E308"),
      doubleOf("precise", "-0.0"),
      doubleOf("precise", "100"),
      doubleOf("precise", "1e23"),
      doubleOf("boxedPrecise", "12345.678e-3"),
      // CHAR and STRING: escapes, non-ASCII, supplementary characters
      of("initial", "\"x\"", 'x'),
      of("boxedInitial", "\"é\"", 'é'),
      of("boxedInitial", "\"\\\"\"", '"'),
      text("text", "", "\"\""),
      text("text", "ü😀 ✓", "\"ü😀 ✓\""),
      text("text", "tab\t nl\n ctl\u0001 ls\u2028 </script> \\",
          "\"tab\\t nl\\n ctl\\u0001 ls\u2028 <\\/script> \\\\\""),
      // ENUM
      of("color", "\"GREEN\"", EveryKind.Color.GREEN),
      // DECIMAL and BIG_INTEGER: scale kept, exponents, negative zero, beyond 64 bits
      decimal("decimal", "12.50"),
      decimal("decimal", "1e3"),
      decimal("decimal", "0.0000001"),
      decimal("decimal", "-0.0"),
      decimal("decimal", "-5.5"),
      decimal("decimal", "100"),
      decimal("decimal", "123456789012345678901234567890.123456789"),
      of("decimal", "\"12.50\"", new BigDecimal("12.50")),
      of("decimal", "\"1E+3\"", new BigDecimal("1E+3")),
      of("integer", "0", BigInteger.ZERO),
      of("integer", "-0", BigInteger.ZERO),
      of("integer", "-42", BigInteger.valueOf(-42)),
      of("integer", "1267650600228229401496703205376", BigInteger.TWO.pow(100)),
      of("integer", "\"-1267650600228229401496703205376\"", BigInteger.TWO.pow(100).negate()),
      // UUID: upper case in, canonical lower case out
      of("uuid", "\"123E4567-E89B-12D3-A456-426614174000\"", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
      // Temporal kinds: other spellings of the same value are normalized to toString()
      of("instant", "\"2026-11-27T10:15:30Z\"", Instant.parse("2026-11-27T10:15:30Z")),
      of("instant", "\"2026-11-27T10:15:30.000Z\"", Instant.parse("2026-11-27T10:15:30Z")),
      of("instant", "\"2026-11-27T10:15:00Z\"", Instant.parse("2026-11-27T10:15:00Z")),
      of("instant", "\"2026-11-27T10:15:30.123456789Z\"", Instant.parse("2026-11-27T10:15:30.123456789Z")),
      of("date", "\"2026-11-27\"", LocalDate.parse("2026-11-27")),
      of("dateTime", "\"2026-11-27T10:15\"", LocalDateTime.parse("2026-11-27T10:15")),
      of("dateTime", "\"2026-11-27T10:15:00\"", LocalDateTime.parse("2026-11-27T10:15")),
      of("dateTime", "\"2026-11-27T10:15:30.100\"", LocalDateTime.parse("2026-11-27T10:15:30.1")),
      of("offsetDateTime", "\"2026-11-27T10:15:30+01:00\"", OffsetDateTime.parse("2026-11-27T10:15:30+01:00")),
      of("offsetDateTime", "\"2026-11-27T10:15:30+00:00\"", OffsetDateTime.parse("2026-11-27T10:15:30Z")),
      of("offsetDateTime", "\"2026-11-27T10:15:00.500-05:30\"", OffsetDateTime.parse("2026-11-27T10:15:00.5-05:30")),
      // BYTES: standard base64 with padding
      of("bytes", "\"\"", new byte[0]),
      of("bytes", "\"AQID\"", new byte[] {1, 2, 3}),
      of("bytes", "\"/+8=\"", new byte[] {(byte) 0xff, (byte) 0xef}),
      // Optional: present, null, absent
      of("maybe", "\"v\"", Optional.of("v")),
      of("maybe", "null", Optional.empty()),
      // ARRAY
      of("texts", "[\"a\",\"b\"]", List.of("a", "b")),
      of("texts", "[]", List.of()),
      of("texts", "[\"a\",null]", Arrays.asList("a", null)),
      of("ints", "[1,-2,3]", new int[] {1, -2, 3}),
      of("ints", "[]", new int[0]),
      of("decimals", "[1.50,2e-2]", List.of(new BigDecimal("1.50"), new BigDecimal("2e-2"))),
      of("points", "[{\"y\":2,\"x\":1},{\"x\":3,\"y\":4,\"label\":\"d\"}]",
          List.of(new EveryKind.Point(1, 2, null), new EveryKind.Point(3, 4, "d"))),
      // MAP: entry order as in the input (and in the application's LinkedHashMap)
      of("counts", "{\"b\":2,\"a\":1}", ordered("b", 2L, "a", 1L)),
      of("counts", "{}", Map.of()),
      of("counts", "{\"n\":null}", ordered("n", null)),
      of("routes", "{\"r\":[{\"x\":1,\"y\":2,\"label\":null}]}",
          ordered("r", List.of(new EveryKind.Point(1, 2, null)))),
      // STRUCT
      of("point", "{\"label\":\"p\",\"y\":-1,\"x\":0}", new EveryKind.Point(0, -1, "p")),
      // null members, explicit
      of("boxedCount", "null", null),
      of("text", "null", null),
      of("point", "null", null));

  @Test
  void everyKindFromAJsonLineIsTheRecordTheGeneratedProducerSends() throws Exception {
    List<SourceRecord> records = stream(CASES);
    assertThat(records).as("one record per case").hasSize(CASES.size());

    // Every mismatch is collected, so one run shows them all (AssertJ's SoftAssertions would do the same, at the
    // price of seconds of proxy generation).
    List<String> mismatches = new ArrayList<>();
    try (EveryKindSerializer serializer = new EveryKindSerializer();
        EveryKindDeserializer deserializer = new EveryKindDeserializer()) {
      for (int i = 0; i < CASES.size(); i++) {
        Case kase = CASES.get(i);
        SourceRecord record = records.get(i);
        if (!record.topic().equals("every-kind")) {
          mismatches.add(kase + " is a bad record: " + FileSourceTaskTest.header(record, "courier.error.reason"));
          continue;
        }
        String connector = json(record);
        EveryKind message = message(i, kase);
        byte[] application = serializer.serialize("every-kind", message);
        String different = sameRecord(record, message);
        if (different != null) {
          mismatches.add(kase + ": " + different);
        }
        if (!connector.equals(new String(application, StandardCharsets.UTF_8))) {
          mismatches.add(kase + ": the connector wrote\n  " + connector + "\nthe codec wrote\n  "
              + new String(application, StandardCharsets.UTF_8));
        }
        // What the connector wrote reads back with the generated deserializer as the application's object.
        try {
          byte[] again = serializer.serialize("every-kind",
              deserializer.deserialize("every-kind", connector.getBytes(StandardCharsets.UTF_8)));
          if (!Arrays.equals(again, application)) {
            mismatches.add(kase + ": read back and written again, the connector's value is\n  "
                + new String(again, StandardCharsets.UTF_8));
          }
        } catch (RuntimeException e) {
          mismatches.add(kase + ": the generated deserializer cannot read what the connector wrote: " + e);
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  /** The record's value bytes as text. */
  static String json(SourceRecord record) {
    return new String((byte[]) record.value(), StandardCharsets.UTF_8);
  }

  /**
   * What differs between the connector's record and the one the generated producer sends for the message: the
   * producer's {@code toRecord}, then its key and value serializers with the record's topic and headers.
   *
   * @return a description of the difference, or {@code null} when topic, key, value, headers and timestamp agree
   */
  static String sameRecord(SourceRecord connector, EveryKind message) {
    EveryKindProducer producer = new EveryKindProducer(new MockProducer<>(true, null, new StringSerializer(),
        new EveryKindSerializer()));
    ProducerRecord<String, EveryKind> record = producer.toRecord(message);
    byte[] key = new StringSerializer().serialize(record.topic(), record.headers(), record.key());
    byte[] value = new EveryKindSerializer().serialize(record.topic(), record.headers(), record.value());
    List<String> connectorHeaders = new ArrayList<>();
    connector.headers().forEach(h -> connectorHeaders.add(h.key() + "=" + Arrays.toString((byte[]) h.value())));
    List<String> producerHeaders = new ArrayList<>();
    record.headers().forEach(h -> producerHeaders.add(h.key() + "=" + Arrays.toString(h.value())));
    if (!connector.topic().equals(record.topic())) {
      return "topic " + connector.topic() + " vs " + record.topic();
    }
    if (!Arrays.equals((byte[]) connector.key(), key)) {
      return "key " + Arrays.toString((byte[]) connector.key()) + " vs " + Arrays.toString(key);
    }
    if (!Arrays.equals((byte[]) connector.value(), value)) {
      return "value " + json(connector) + " vs " + new String(value, StandardCharsets.UTF_8);
    }
    if (!connectorHeaders.equals(producerHeaders)) {
      return "headers " + connectorHeaders + " vs " + producerHeaders;
    }
    if (!Objects.equals(connector.timestamp(), record.timestamp())) {
      return "timestamp " + connector.timestamp() + " vs " + record.timestamp();
    }
    return null;
  }

  /** Scalar cases as CSV cells (the path text columns take, JDBC text included): the same bytes as the codec. */
  static final List<Case> CSV_CASES = List.of(
      of("flag", "TRUE", true),
      of("big", "-9223372036854775808", Long.MIN_VALUE),
      floatOf("ratio", "1.0000000596046448"),
      floatOf("ratio", "-0.0"),
      doubleOf("precise", "2.82879384806159E17"),
      doubleOf("precise", "-0"),
      of("initial", "é", 'é'),
      decimal("decimal", "1e3"),
      decimal("decimal", "-0.0"),
      decimal("decimal", "12.50"),
      of("integer", "-0", BigInteger.ZERO),
      of("integer", "1267650600228229401496703205376", BigInteger.TWO.pow(100)),
      of("uuid", "123E4567-E89B-12D3-A456-426614174000", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
      of("instant", "2026-11-27T10:15:30.000Z", Instant.parse("2026-11-27T10:15:30Z")),
      of("offsetDateTime", "2026-11-27T10:15:30+00:00", OffsetDateTime.parse("2026-11-27T10:15:30Z")),
      of("boxedCount", "", null));

  @Test
  void csvCellsBecomeTheRecordTheGeneratedProducerSends() throws Exception {
    List<String> columns = List.of("id", "flag", "tiny", "small", "count", "big", "ratio", "precise", "initial",
        "decimal", "integer", "uuid", "instant", "offsetDateTime", "boxedCount");
    Map<String, String> base = Map.of("flag", "false", "tiny", "0", "small", "0", "count", "0", "big", "0",
        "ratio", "0", "precise", "0", "initial", "a");
    StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
    for (int i = 0; i < CSV_CASES.size(); i++) {
      Case kase = CSV_CASES.get(i);
      List<String> cells = new ArrayList<>();
      for (String column : columns) {
        cells.add(column.equals("id") ? "case-" + i : column.equals(kase.member()) ? kase.json()
            : base.getOrDefault(column, ""));
      }
      csv.append(String.join(",", cells)).append('\n');
    }
    List<SourceRecord> records = streamFile("cases.csv", "csv", csv.toString(), CSV_CASES.size());
    assertThat(records).extracting(SourceRecord::topic).containsOnly("every-kind").hasSize(CSV_CASES.size());

    List<String> mismatches = new ArrayList<>();
    try (EveryKindSerializer serializer = new EveryKindSerializer()) {
      for (int i = 0; i < CSV_CASES.size(); i++) {
        String connector = json(records.get(i));
        String application = new String(serializer.serialize("every-kind", message(i, CSV_CASES.get(i))),
            StandardCharsets.UTF_8);
        String different = sameRecord(records.get(i), message(i, CSV_CASES.get(i)));
        if (different != null) {
          mismatches.add("csv " + CSV_CASES.get(i) + ": " + different);
        }
        if (!connector.equals(application)) {
          mismatches.add("csv " + CSV_CASES.get(i) + ": the connector wrote\n  " + connector + "\nthe codec wrote\n  "
              + application);
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void whatTheGeneratedDeserializerRejectsIsABadRecord() throws Exception {
    List<Case> rejected = List.of(
        of("ints", "[1,null]", null),
        of("decimal", "\"12,50\"", null),
        of("integer", "1.5", null),
        of("integer", "\"1.5\"", null),
        of("initial", "\"xy\"", null));
    List<SourceRecord> records = stream(rejected);
    assertThat(records).extracting(SourceRecord::topic).containsOnly("every-kind-bad").hasSize(rejected.size());
    assertThat(records).extracting(r -> FileSourceTaskTest.header(r, "courier.error.reason"))
        .containsExactly(
            "Cannot read member 'ints' of dev.courier.connect.messages.EveryKind: expected a JSON integer (int), got null (the member is a primitive).",
            "Cannot read member 'decimal' of dev.courier.connect.messages.EveryKind: \"12,50\" is not valid; expected a decimal number such as \"12.50\""
                + " or \"1E+3\" (BigDecimal)",
            "Cannot read member 'integer' of dev.courier.connect.messages.EveryKind: expected an integer in a JSON string such as \"-42\" (BigInteger),"
                + " got the number 1.5.",
            "Cannot read member 'integer' of dev.courier.connect.messages.EveryKind: \"1.5\" is not valid; expected an integer such as \"-42\""
                + " (BigInteger)",
            "Cannot read member 'initial' of dev.courier.connect.messages.EveryKind: expected a JSON string of one character, got the string \"xy\".");
    try (EveryKindDeserializer deserializer = new EveryKindDeserializer()) {
      for (SourceRecord record : records) {
        byte[] line = (byte[]) record.value();
        assertThatThrownBy(() -> deserializer.deserialize("every-kind", line)).as(json(record))
            .isInstanceOf(SerializationException.class);
      }
    }
  }

  /** Streams one JSON line per case through the file source with {@code message.class}. */
  List<SourceRecord> stream(List<Case> cases) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < cases.size(); i++) {
      Map<String, String> members = new LinkedHashMap<>();
      members.put("id", "\"case-" + i + "\"");
      members.putAll(Map.of("flag", "false", "tiny", "0", "small", "0", "count", "0", "big", "0", "ratio", "0",
          "precise", "0", "initial", "\"a\""));
      members.put(cases.get(i).member(), cases.get(i).json());
      lines.append(members.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
          .collect(Collectors.joining(",", "{", "}\n")));
    }
    return streamFile("cases.json", "json", lines.toString(), cases.size());
  }

  /** Streams a file through the file source with {@code message.class}; bad records go to a dead-letter topic. */
  List<SourceRecord> streamFile(String name, String format, String content, int count) throws Exception {
    Files.writeString(in.resolve(name), content, StandardCharsets.UTF_8);
    Map<String, String> config = new HashMap<>();
    config.put("name", "agreement");
    config.put("input.paths", in.toString());
    config.put("input.file.pattern", ".*\\." + format);
    config.put("format", format);
    config.put("mode", "tail");
    // The converters the docs prescribe for message.class, and the producer settings the type fixes.
    config.putAll(MessageClassConfig.of(EveryKind.class));
    config.put("bad.record.policy", "dead-letter");
    config.put("bad.record.dead.letter.topic", "every-kind-bad");
    task = new FileSourceTask(new FakeClock(1_800_000_000_000L));
    task.initialize(new FakeTaskContext(config, false));
    task.start(config);
    return FileSourceTaskTest.pollRecords(task, count);
  }

  /** The application's object for case {@code i}: the case's member set, primitives 0 or 'a', the rest null. */
  static EveryKind message(int i, Case kase) throws ReflectiveOperationException {
    RecordComponent[] components = EveryKind.class.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int c = 0; c < components.length; c++) {
      types[c] = components[c].getType();
      String name = components[c].getName();
      if (name.equals("id")) {
        args[c] = "case-" + i;
      } else if (name.equals(kase.member())) {
        args[c] = kase.value();
      } else {
        args[c] = defaultValue(types[c]);
      }
    }
    Constructor<EveryKind> constructor = EveryKind.class.getDeclaredConstructor(types);
    return constructor.newInstance(args);
  }

  private static Object defaultValue(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == byte.class) {
      return (byte) 0;
    }
    if (type == short.class) {
      return (short) 0;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == float.class) {
      return 0f;
    }
    if (type == double.class) {
      return 0d;
    }
    if (type == char.class) {
      return 'a';
    }
    if (type == Optional.class) {
      return Optional.empty();
    }
    return null;
  }
}

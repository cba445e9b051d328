/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.connect.FakeTaskContext;
import dev.courier.connect.FakeTaskContext.FakeClock;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of malformed input files, each read by the task (unit level, fake context and clock) under every
 * bad-record policy. A case is a list of segments of bytes, each with the outcome the documentation promises: a
 * record with its value, a bad record with a phrase of its reason, or bytes that carry no record (a blank line, a CSV
 * header, a byte-order mark). The expected offsets and line numbers follow from the segments alone, so the test
 * checks every record's source offset, every bad record's file, line and byte offset (dead-letter headers, the
 * failure message), and that every valid record around the bad ones arrives. Big and binary files are generated
 * here, never committed.
 */
class MalformedFilesTest {

  private static final long START = 1_800_000_000_000L;
  private static final int TEN_MB = 10 * 1024 * 1024;
  private static int inputsTried;
  private static int inputsAsDocumented;

  @TempDir Path root;

  /** What a segment of a file must give. */
  sealed interface Outcome {}

  /** A record with this value (a String, a Map for JSON, a Map of the columns for CSV). */
  record Good(Object value) implements Outcome {}

  /** A bad record whose reason contains this phrase. */
  record Bad(String reason) implements Outcome {}

  /** Bytes that carry no record. */
  record Nothing() implements Outcome {}

  record Segment(byte[] bytes, Outcome outcome) {}

  record Case(String name, String format, List<Segment> segments, Map<String, String> config) {
    @Override
    public String toString() {
      return format + ": " + name;
    }
  }

  // ------------------------------------------------------------------------------------------------ the corpus

  static Stream<Arguments> cases() {
    List<Case> cases = new ArrayList<>();
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    // ---- text
    cases.add(text("invalid UTF-8 at the start, in the middle and at the end of lines",
        good("first\n", "first"),
        bad(bytes(0xFF, 'a', 'b', '\n'), "invalid UTF-8 at byte 1"),
        bad(bytes('a', 0xC3, 0x28, 'b', '\n'), "invalid UTF-8 at byte 2"),
        bad(bytes('a', 'b', 0xE2, 0x82, '\n'), "invalid UTF-8 at byte 3"),
        good("last\n", "last")));
    cases.add(text("overlong encodings, surrogates and bytes above U+10FFFF",
        bad(bytes(0xC0, 0xAF, '\n'), "invalid UTF-8"),
        bad(bytes(0xED, 0xA0, 0x80, '\n'), "invalid UTF-8"),
        bad(bytes(0xF4, 0x90, 0x80, 0x80, '\n'), "invalid UTF-8"),
        bad(bytes(0xF8, 0x88, 0x80, 0x80, 0x80, '\n'), "invalid UTF-8"),
        good("\u00e9\u20ac\ud83d\ude00\n", "\u00e9\u20ac\ud83d\ude00")));
    cases.add(text("a multi-byte character cut by the end of the file",
        good("ok\n", "ok"),
        bad(bytes('x', 0xF0, 0x9F, 0x98), "invalid UTF-8 at byte 2")));
    cases.add(text("NUL bytes are valid UTF-8 and kept in text",
        good(bytes('a', 0, 'b', '\n'), "a\u0000b"),
        good(bytes(0, '\n'), "\u0000")));
    cases.add(text("CRLF line ends lose their CR; a lone CR stays",
        good("one\r\n", "one"),
        good("two\rthree\r\n", "two\rthree"),
        good("\r\n", "")));
    cases.add(text("no final newline",
        good("a\n", "a"),
        good("b", "b")));
    cases.add(text("a byte-order mark at the start is skipped; one later is text",
        nothing(bom),
        good("a\n", "a"),
        good("\uFEFFb\n", "\uFEFFb")));
    cases.add(text("an empty file"));
    cases.add(text("a file of line ends only: empty lines are empty text records",
        good("\n", ""),
        good("\n", "")));
    cases.add(text("a 10 MB line between two good lines",
        good("before\n", "before"),
        bad(tenMegabyteLine(), "more than record.max.bytes=1048576"),
        good("after\n", "after")));
    cases.add(text("binary garbage between good lines", garbageAround()));

    // ---- JSON lines
    cases.add(json("truncated objects",
        good("{\"a\":1}\n", Map.of("a", 1L)),
        bad("{\"a\":\n", "invalid JSON"),
        bad("{\"a\":[1,2\n", "invalid JSON"),
        bad("{\"a\":\"open\n", "invalid JSON"),
        good("{\"a\":2}\n", Map.of("a", 2L))));
    cases.add(json("trailing garbage after the object",
        bad("{\"a\":1} x\n", "invalid JSON at column 9: Unrecognized token 'x'"),
        bad("{\"a\":1}{\"b\":2}\n", "after the JSON object"),
        good("{\"a\":3}   \n", Map.of("a", 3L))));
    cases.add(json("top-level values that are not objects",
        bad("[1]\n", "is an array, but a JSON object is expected"),
        bad("1\n", "but a JSON object is expected"),
        bad("\"s\"\n", "but a JSON object is expected"),
        bad("null\n", "but a JSON object is expected"),
        bad("true\n", "but a JSON object is expected"),
        good("{}\n", Map.of())));
    cases.add(json("duplicate keys",
        bad("{\"a\":1,\"a\":2}\n", "Duplicate field 'a'"),
        bad("{\"o\":{\"b\":1,\"b\":1}}\n", "Duplicate field 'b'"),
        good("{\"a\":1,\"b\":2}\n", Map.of("a", 1L, "b", 2L))));
    cases.add(json("deep nesting: within jackson's limit it is a value, beyond it a bad record",
        good("{\"d\":" + "[".repeat(200) + "]".repeat(200) + "}\n", Map.of("d", nested(199))),
        bad("{\"d\":" + "[".repeat(5000) + "]".repeat(5000) + "}\n", "invalid JSON"),
        good("{\"z\":0}\n", Map.of("z", 0L))));
    cases.add(json("blank lines, white space and CRLF",
        nothing("\n"),
        nothing("  \t\n"),
        good("{\"a\":1}\r\n", Map.of("a", 1L)),
        nothing("\r\n"),
        good("{\"a\":2}", Map.of("a", 2L))));
    cases.add(json("invalid UTF-8 inside a string, NUL bytes and byte-order marks",
        nothing(bom),
        good("{\"a\":\"\u00e9\"}\n", Map.of("a", "\u00e9")),
        bad(concat("{\"a\":\"", bytes(0xC3), "\"}\n"), "invalid UTF-8"),
        bad(bytes('{', 0, '}', '\n'), "invalid JSON"),
        bad(bytes('{', '"', 'a', '"', ':', '"', 0, '"', '}', '\n'), "invalid JSON"),
        // jackson passes over a byte-order mark before the object, so nothing is lost.
        good(concat(bom, "{\"a\":1}\n"), Map.of("a", 1L)),
        bad(bytes(0, 0, '[', '1', ']', '\n'), "invalid JSON: a NUL byte at byte 1"),
        bad(bytes('{', 0, '}', 0, '\n'), "invalid JSON: a NUL byte at byte 2"),
        good("{\"a\":\"\\u0000\"}\n", Map.of("a", "\u0000"))));
    cases.add(json("numbers JSON cannot carry into a schemaless map",
        bad("{\"n\":123456789012345678901234567890}\n", "does not fit in 64 bits"),
        bad("{\"n\":1e999}\n", "out of the range of a double"),
        bad("{\"n\":NaN}\n", "invalid JSON"),
        bad("{\"n\":01}\n", "invalid JSON"),
        good("{\"n\":-0.5}\n", Map.of("n", -0.5))));
    cases.add(json("binary garbage between good objects", garbageAroundJson()));

    // ---- CSV
    cases.add(csv("ragged rows: too few and too many columns",
        nothing("a,b,c\n"),
        good("1,2,3\n", row("a", "1", "b", "2", "c", "3")),
        bad("1,2\n", "the record has 2 columns, but the header has 3"),
        bad("1,2,3,4\n", "the record has 4 columns"),
        bad("1\n", "the record has 1 column,"),
        good("4,5,6\n", row("a", "4", "b", "5", "c", "6"))));
    cases.add(csv("a stray quote inside an unquoted field does not swallow the rows after it",
        nothing("a,b\n"),
        bad("1,ab\"c\n", "inside an unquoted field"),
        good("2,x\n", row("a", "2", "b", "x")),
        bad("3,\"q\"z\n", "after its closing quote"),
        good("4,y\n", row("a", "4", "b", "y"))));
    cases.add(csv("a quote never closed in the middle of a file: the lines after it are rows again",
        nothing("a,b\n"),
        good("1,x\n", row("a", "1", "b", "x")),
        bad("\"open,2\n", "never closed"),
        good("3,y\n", row("a", "3", "b", "y")),
        good("4,z\n", row("a", "4", "b", "z"))));
    cases.add(csv("a quote never closed on the last line",
        nothing("a,b\n"),
        good("1,x\n", row("a", "1", "b", "x")),
        bad("2,\"open", "never closed")));
    cases.add(csv("quoted fields with line ends, doubled quotes, CRLF, BOM and blank lines",
        nothing(bom),
        nothing("a,b\r\n"),
        good("1,\"multi\nline, \"\"quoted\"\"\"\r\n", row("a", "1", "b", "multi\nline, \"quoted\"")),
        nothing("\n"),
        good("\"\",\"\"\"\"\n", row("a", "", "b", "\"")),
        good("5,last", row("a", "5", "b", "last"))));
    cases.add(csv("invalid UTF-8 and NUL bytes in rows",
        nothing("a,b\n"),
        bad(concat("1,", bytes(0xFE), "\n"), "invalid UTF-8"),
        good(bytes('2', ',', 0, '\n'), row("a", "2", "b", "\u0000")),
        good("3,ok\n", row("a", "3", "b", "ok"))));
    cases.add(csv("a header that is not UTF-8 is still the header: every row is bad, none becomes the header",
        bad(bytes('a', ',', 0xFF, '\n'), "the header row is invalid: invalid UTF-8"),
        bad("1,2\n", "header row (line 1) is invalid: invalid UTF-8"),
        bad("3,4\n", "header row (line 1) is invalid")));
    cases.add(csv("a header longer than record.max.bytes is still the header",
        bad("a".repeat(2 * 1024 * 1024) + "\n", "the header row is invalid: the record is 2097152 bytes long"),
        bad("1\n", "header row (line 1) is invalid")));
    cases.add(csv("a header with an empty and a duplicate column makes every row bad",
        bad("a,,a\n", "the header row is invalid"),
        bad("1,2,3\n", "header row (line 1) is invalid"),
        bad("4,5,6", "header row (line 1) is invalid")));

    return cases.stream().flatMap(c -> Stream.of("fail", "skip", "dead-letter").map(p -> Arguments.of(c, p)));
  }

  // ------------------------------------------------------------------------------------------------ the test

  @ParameterizedTest(name = "{0} [{1}]")
  @MethodSource("cases")
  void eachMalformedFileIsHandledByThePolicyAndTheValidRecordsAllArrive(Case c, String policy) throws Exception {
    inputsTried++;
    Path in = Files.createDirectories(root.resolve("in"));
    Path file = in.resolve("input." + (c.format().equals("text") ? "txt" : c.format()));
    try (OutputStream out = Files.newOutputStream(file)) {
      for (Segment segment : c.segments()) {
        out.write(segment.bytes());
      }
    }
    Map<String, String> config = new HashMap<>(c.config());
    config.put("name", "files");
    config.put("input.paths", in.toString());
    config.put("input.file.pattern", ".*");
    config.put("format", c.format());
    config.put("topic", "lines");
    config.put("spool.finished.path", root.resolve("done").toString());
    config.put("spool.min.file.age.ms", "0");
    config.put("bad.record.policy", policy);
    if (policy.equals("dead-letter")) {
      config.put("bad.record.dead.letter.topic", "dlq");
    }
    FakeTaskContext context = new FakeTaskContext(config, false);
    FileSourceTask task = new FileSourceTask(new FakeClock(START));
    task.initialize(context);
    task.start(config);
    String canonical = file.toRealPath().toString();

    List<SourceRecord> records = new ArrayList<>();
    ConnectException failure = null;
    try {
      for (int polls = 0, idle = 0; polls < 200 && idle < 3; polls++) {
        List<SourceRecord> batch = task.poll();
        if (batch == null) {
          idle++;
        } else {
          records.addAll(batch);
          for (SourceRecord record : batch) {
            task.commitRecord(record, null);
          }
        }
      }
    } catch (ConnectException e) {
      failure = e;
    }
    long badCount = context.metric("bad-records-total");
    task.stop();

    // The expected records, offsets and lines, from the segments alone.
    List<SourceRecord> remaining = new ArrayList<>(records);
    long position = 0;
    long line = 1;
    int bad = 0;
    boolean failed = false;
    for (Segment segment : c.segments()) {
      long start = position;
      long startLine = line;
      position += segment.bytes().length;
      line += count(segment.bytes(), (byte) '\n');
      long nextLine = segment.bytes().length > 0 && segment.bytes()[segment.bytes().length - 1] != '\n'
          ? line + 1 : line;
      if (segment.outcome() instanceof Nothing) {
        continue;
      }
      if (segment.outcome() instanceof Good good) {
        assertThat(remaining).as("%s: a record for bytes %d-%d (line %d); failure: %s", c, start, position,
            startLine, failure).isNotEmpty();
        SourceRecord record = remaining.remove(0);
        assertThat(record.topic()).isEqualTo("lines");
        assertThat(plain(record.value())).as("%s: value of line %d", c, startLine).isEqualTo(good.value());
        assertThat(record.sourcePartition()).isEqualTo(Map.of("path", canonical));
        assertThat(offset(record)).as("%s: offset of line %d", c, startLine)
            .containsEntry("position", position).containsEntry("line", nextLine);
        continue;
      }
      Bad expected = (Bad) segment.outcome();
      bad++;
      String location = "file " + canonical + " line " + startLine + " (byte offset " + start + ")";
      switch (policy) {
        case "fail" -> {
          assertThat(failure).as("%s: the task fails on line %d", c, startLine).isNotNull();
          assertThat(failure.getMessage()).contains("Bad record in " + location + ": ")
              .contains(expected.reason()).contains("bad.record.policy");
          failed = true;
        }
        case "dead-letter" -> {
          assertThat(remaining).as("%s: a dead-letter record for line %d", c, startLine).isNotEmpty();
          SourceRecord record = remaining.remove(0);
          assertThat(record.topic()).isEqualTo("dlq");
          assertThat(record.key()).isNull();
          assertThat(header(record, "courier.error.file")).isEqualTo(canonical);
          assertThat(header(record, "courier.error.line")).isEqualTo(Long.toString(startLine));
          assertThat(header(record, "courier.error.offset")).isEqualTo(Long.toString(start));
          assertThat(header(record, "courier.error.reason")).contains(expected.reason());
          assertThat(header(record, "courier.error.connector")).isEqualTo("files");
          assertThat(offset(record)).containsEntry("position", position).containsEntry("line", nextLine);
          long content = segment.bytes().length - (segment.bytes()[segment.bytes().length - 1] == '\n' ? 1 : 0);
          if (content > 1024 * 1024) {
            assertThat(header(record, "courier.error.length")).isEqualTo(Long.toString(content));
            assertThat(header(record, "courier.error.truncated")).isEqualTo("true");
            // A dead-letter record carries the first bytes of an over-long record (at most 64 KiB).
            assertThat((String) record.value()).hasSize(RecordFramer.TOO_LONG_PREFIX);
          }
        }
        default -> {
          // skip: nothing is emitted for it; it is counted below.
        }
      }
      if (failed) {
        break;
      }
    }
    assertThat(remaining).as("%s: records beyond the expected ones", c).isEmpty();
    if (!failed) {
      assertThat(failure).as("%s: no failure expected", c).isNull();
      assertThat(badCount).isEqualTo(bad);
      // Spool: a file read to its end with every record acknowledged is moved away, nothing left behind.
      assertThat(file).doesNotExist();
      assertThat(root.resolve("done").resolve(file.getFileName())).exists();
    } else {
      assertThat(file).as("a failed file stays where it is").exists();
    }
    inputsAsDocumented++;
  }

  @Test
  void aLineWithoutLineEndWaitsInTailModeAndArrivesWhenItIsEnded() throws Exception {
    Path in = Files.createDirectories(root.resolve("in"));
    Path file = in.resolve("app.txt");
    Files.write(file, concat("a\n", bytes(0xFF), "\nhalf"));
    Map<String, String> config = new HashMap<>(Map.of("name", "files", "input.paths", in.toString(),
        "input.file.pattern", ".*",
        "format", "text", "topic", "lines", "mode", "tail", "bad.record.policy", "dead-letter",
        "bad.record.dead.letter.topic", "dlq"));
    FileSourceTask task = new FileSourceTask(new FakeClock(START));
    task.initialize(new FakeTaskContext(config, false));
    task.start(config);
    try {
      List<SourceRecord> records = poll(task, 5);
      assertThat(records).extracting(SourceRecord::topic).containsExactly("lines", "dlq");
      Files.write(file, "ed\n".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
      List<SourceRecord> rest = poll(task, 5);
      assertThat(rest).extracting(SourceRecord::value).containsExactly("halfed");
      assertThat(offset(rest.get(0))).containsEntry("position", Files.size(file)).containsEntry("line", 4L);
    } finally {
      task.stop();
    }
  }

  @AfterAll
  static void report() {
    System.out.printf("Malformed input files: %d case runs (cases x policies), %d handled as documented%n",
        inputsTried, inputsAsDocumented);
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private static List<SourceRecord> poll(FileSourceTask task, int polls) throws InterruptedException {
    List<SourceRecord> records = new ArrayList<>();
    for (int i = 0; i < polls; i++) {
      List<SourceRecord> batch = task.poll();
      if (batch != null) {
        records.addAll(batch);
      }
    }
    return records;
  }

  private static Case text(String name, Segment... segments) {
    return new Case(name, "text", List.of(segments), Map.of());
  }

  private static Case json(String name, Segment... segments) {
    return new Case(name, "json", List.of(segments), Map.of());
  }

  private static Case csv(String name, Segment... segments) {
    return new Case(name, "csv", List.of(segments), Map.of());
  }

  private static Segment good(String text, Object value) {
    return good(text.getBytes(StandardCharsets.UTF_8), value);
  }

  private static Segment good(byte[] bytes, Object value) {
    return new Segment(bytes, new Good(value));
  }

  private static Segment bad(String text, String reason) {
    return bad(text.getBytes(StandardCharsets.UTF_8), reason);
  }

  private static Segment bad(byte[] bytes, String reason) {
    return new Segment(bytes, new Bad(reason));
  }

  private static Segment nothing(String text) {
    return nothing(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Segment nothing(byte[] bytes) {
    return new Segment(bytes, new Nothing());
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static byte[] concat(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      out.writeBytes(part instanceof byte[] b ? b : part.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static byte[] tenMegabyteLine() {
    byte[] line = new byte[TEN_MB + 1];
    Arrays.fill(line, (byte) 'z');
    line[TEN_MB] = '\n';
    return line;
  }

  /** Lines of bytes that are never valid UTF-8 (0xC0, 0xC1, 0xF5-0xFF), between good lines. */
  private static Segment[] garbageAround() {
    Random random = new Random(7);
    byte[] never = bytes(0xC0, 0xC1, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF);
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      segments.add(good("good " + i + "\n", "good " + i));
      byte[] garbage = new byte[1 + random.nextInt(300)];
      for (int k = 0; k < garbage.length - 1; k++) {
        garbage[k] = never[random.nextInt(never.length)];
      }
      garbage[garbage.length - 1] = '\n';
      if (garbage.length == 1) {
        segments.add(good("\n", ""));
      } else {
        segments.add(bad(garbage, "invalid UTF-8 at byte 1"));
      }
    }
    return segments.toArray(new Segment[0]);
  }

  /** Random printable ASCII lines that are not JSON objects, between good objects. */
  private static Segment[] garbageAroundJson() {
    Random random = new Random(11);
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      segments.add(good("{\"i\":" + i + "}\n", Map.of("i", (long) i)));
      StringBuilder garbage = new StringBuilder("x");
      int n = random.nextInt(100);
      for (int k = 0; k < n; k++) {
        garbage.append((char) (0x21 + random.nextInt(0x5E)));
      }
      segments.add(bad(garbage + "\n", "invalid JSON"));
    }
    return segments.toArray(new Segment[0]);
  }

  private static Object nested(int depth) {
    Object value = List.of();
    for (int i = 0; i < depth; i++) {
      value = List.of(value);
    }
    return value;
  }

  private static Map<String, Object> row(String... columnsAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      row.put(columnsAndValues[i], columnsAndValues[i + 1]);
    }
    return row;
  }

  /** A record value as plain Java: a Struct as a map of its fields. */
  private static Object plain(Object value) {
    if (value instanceof Struct struct) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Field field : struct.schema().fields()) {
        map.put(field.name(), struct.get(field));
      }
      return map;
    }
    return value;
  }

  private static long count(byte[] bytes, byte b) {
    long n = 0;
    for (byte x : bytes) {
      if (x == b) {
        n++;
      }
    }
    return n;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> offset(SourceRecord record) {
    return (Map<String, Object>) record.sourceOffset();
  }

  private static String header(SourceRecord record, String key) {
    Header header = record.headers().lastWithName(key);
    return header == null ? null : (String) header.value();
  }
}

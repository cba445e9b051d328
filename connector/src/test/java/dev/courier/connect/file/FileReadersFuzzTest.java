/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.connect.FakeTaskContext;
import dev.courier.connect.FakeTaskContext.FakeClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Fuzzing of the file readers: random byte streams (words, JSON and CSV fragments, quotes, line ends of every kind,
 * invalid UTF-8, NUL bytes, byte-order marks) are read by the task in spool mode with the dead-letter policy, in each
 * format, with small and default record size limits and batch sizes.
 *
 * <p>The property: every input byte is accounted for. Records (good and dead-letter) come in file order with strictly
 * increasing end offsets; the bytes between one record's end and the next record are only what the format skips
 * (blank lines for JSON and CSV, the CSV header, a byte-order mark at the start); a dead-letter record's start offset
 * and line are exactly there; a text record is exactly its line; every offset's line number is one more than the line
 * ends before it; the last end offset plus skippable bytes is the file's length; the file is finished. Seeds are fixed
 * and tries bounded ({@code junit-platform.properties}); run longer with {@code -Djqwik.tries.default=100000}.
 */
class FileReadersFuzzTest {

  private static final long START = 1_800_000_000_000L;

  @Property(seed = "8675309")
  void everyByteIsARecordABadRecordOrSkipped(
      @ForAll("streams") byte[] content,
      @ForAll("formats") String format,
      @ForAll @IntRange(min = 0, max = 2) int limits) throws Exception {
    check(content, format, limits);
  }

  /** Inputs the property once failed on. */
  @Example
  void regressions() throws Exception {
    // A stray quote in an unquoted CSV field swallowed the following rows (fixed in RecordFramer).
    check("a,b\n1,x\"y\n2,z\n".getBytes(StandardCharsets.UTF_8), "csv", 0);
    // A quote never closed in a finished file took the rest of the file with it.
    check("a,b\n\"open\n2,z\n3,w".getBytes(StandardCharsets.UTF_8), "csv", 0);
    // A CSV header that was not UTF-8 was passed over, and the next line silently became the header.
    // NUL bytes at the start of a JSON line made jackson guess UCS-4 and fail with an I/O error: the task died even
    // under the dead-letter policy.
    check(new byte[] {'{', '}', '\n', 0, 0, '[', '1', ']', '\r', '\n', '{', '}', '\n'}, "json", 0);
    check(new byte[] {'{', 0, '}', 0, '\n', '{', '}'}, "json", 0);
    check(new byte[] {(byte) 0xE8, '\n', 'x', '\t', 'n', '\n', ',', '"', 'q', '"', 'z', '\n', '1', '\n'}, "csv", 0);
  }

  static void check(byte[] content, String format, int limits) throws Exception {
    Path root = Files.createTempDirectory("courier-fuzz");
    try {
      Path in = Files.createDirectories(root.resolve("in"));
      Path file = in.resolve("input");
      Files.write(file, content);
      Map<String, String> config = new HashMap<>();
      config.put("name", "fuzz");
      config.put("input.paths", in.toString());
      config.put("input.file.pattern", ".*");
      config.put("format", format);
      config.put("topic", "lines");
      config.put("spool.finished.action", "delete");
      config.put("spool.min.file.age.ms", "0");
      config.put("bad.record.policy", "dead-letter");
      config.put("bad.record.dead.letter.topic", "dlq");
      if (limits == 1) {
        config.put("record.max.bytes", "16");
        config.put("poll.max.records", "3");
      } else if (limits == 2) {
        config.put("record.max.bytes", "64");
        config.put("poll.max.bytes", "1024");
        config.put("poll.max.records", "1");
      }
      FakeTaskContext context = new FakeTaskContext(config, false);
      FileSourceTask task = new FileSourceTask(new FakeClock(START));
      task.initialize(context);
      task.start(config);
      List<SourceRecord> records = new ArrayList<>();
      try {
        for (int polls = 0, idle = 0; polls < 10_000 && idle < 3; polls++) {
          List<SourceRecord> batch = task.poll();
          if (batch == null) {
            idle++;
            continue;
          }
          idle = 0;
          records.addAll(batch);
          for (SourceRecord record : batch) {
            task.commitRecord(record, null);
          }
        }
      } finally {
        task.stop();
      }
      account(content, format, records, limits == 1 ? 16 : limits == 2 ? 64 : 1024 * 1024);
      assertThat(file).as("the file was read to its end and finished").doesNotExist();
    } finally {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Checks that the records account for every byte of the content. */
  static void account(byte[] content, String format, List<SourceRecord> records, int maxBytes) {
    long end = 0;
    boolean headerSeen = !format.equals("csv");
    for (SourceRecord record : records) {
      @SuppressWarnings("unchecked")
      Map<String, Object> offset = (Map<String, Object>) record.sourceOffset();
      long next = (Long) offset.get("position");
      assertThat(next).as("end offsets increase strictly").isGreaterThan(end).isLessThanOrEqualTo(content.length);
      assertThat(offset.get("line")).as("line number after byte %d", next).isEqualTo(lineAfter(content, next));
      long start;
      if (record.topic().equals("dlq")) {
        start = Long.parseLong(header(record, "courier.error.offset"));
        assertThat(header(record, "courier.error.line")).isEqualTo(Long.toString(lineAt(content, start)));
        assertThat(start).isGreaterThanOrEqualTo(end).isLessThan(next);
        if (headerSeen) {
          long skipped = skippable(content, end, start, format, maxBytes);
          assertThat(skipped).as("bytes %d-%d before a bad record are skippable", end, start).isEqualTo(start);
        }
      } else {
        assertThat(record.topic()).isEqualTo("lines");
        start = headerSeen ? skippable(content, end, next, format, maxBytes) : end;
        assertThat(start).as("a record in bytes %d-%d", end, next).isLessThan(next);
        if (format.equals("text")) {
          assertThat(record.value()).as("the text record of bytes %d-%d", start, next)
              .isEqualTo(lineText(content, (int) start, (int) next));
        }
      }
      // Before the first CSV record (good or bad) lies the header: one record of any shape, read without a record.
      headerSeen = true;
      end = next;
    }
    if (!headerSeen) {
      return;
    }
    assertThat(skippable(content, end, content.length, format, maxBytes))
        .as("after the last record (byte %d) only skippable bytes are left", end).isEqualTo(content.length);
  }

  /**
   * Passes over what the format reads without a record: a byte-order mark at the start; for JSON, blank lines (spaces,
   * tabs, a CR before the line end) no longer than the record limit; for CSV, empty lines.
   *
   * @return where the skippable bytes end, at most {@code to}
   */
  private static long skippable(byte[] content, long from, long to, String format, int maxBytes) {
    int i = (int) from;
    if (i == 0 && to >= 3 && content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
        && (content[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    if (format.equals("text")) {
      return i;
    }
    while (i < to) {
      int lineEnd = i;
      while (lineEnd < to && content[lineEnd] != '\n') {
        lineEnd++;
      }
      if (lineEnd == to && lineEnd < content.length) {
        return i;
      }
      int contentEnd = lineEnd > i && content[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
      boolean blank = contentEnd - i <= maxBytes;
      for (int k = i; k < contentEnd && blank; k++) {
        blank = !format.equals("csv") && (content[k] == ' ' || content[k] == '\t');
      }
      if (!blank) {
        return i;
      }
      if (lineEnd == content.length) {
        return lineEnd;
      }
      i = lineEnd + 1;
    }
    return i;
  }

  private static long lineAt(byte[] content, long position) {
    long line = 1;
    for (int i = 0; i < position; i++) {
      if (content[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The line number of the next record after {@code end}: the end of the file counts as a line end. */
  private static long lineAfter(byte[] content, long end) {
    long line = lineAt(content, end);
    return end == content.length && end > 0 && content[(int) end - 1] != '\n' ? line + 1 : line;
  }

  private static String lineText(byte[] content, int start, int next) {
    int end = next;
    if (end > start && content[end - 1] == '\n') {
      end--;
    }
    if (end > start && content[end - 1] == '\r') {
      end--;
    }
    return new String(content, start, end - start, StandardCharsets.UTF_8);
  }

  private static String header(SourceRecord record, String key) {
    Header header = record.headers().lastWithName(key);
    return header == null ? null : (String) header.value();
  }

  // ------------------------------------------------------------------------------------------------ generators

  @Provide
  Arbitrary<String> formats() {
    return Arbitraries.of("text", "json", "csv");
  }

  @Provide
  Arbitrary<byte[]> streams() {
    return Arbitraries.randomValue(FileReadersFuzzTest::stream).withoutEdgeCases();
  }

  private static final String[] CHUNKS = {
    "\n", "\n", "\n", "\r\n", "\r", " ", "\t", ",", ";", "\"", "\"\"", "a", "word", "1,2", "x,y,z", "{", "}", "[",
    "]", ":", "{\"a\":1}", "{\"k\":\"v\",\"n\":[1,2.5,null]}", "{\"a\":", "[1]", "null", "\u00e9", "\u20ac",
    "\ud83d\ude00", "\u0000", "\\", "1e999", "\"q\"z"
  };

  static byte[] stream(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (random.nextInt(8) == 0) {
      out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    int chunks = random.nextInt(120);
    for (int i = 0; i < chunks; i++) {
      int kind = random.nextInt(10);
      if (kind == 0) {
        out.write(0x80 + random.nextInt(0x80));
      } else if (kind == 1) {
        int n = 1 + random.nextInt(40);
        for (int k = 0; k < n; k++) {
          out.write('a' + random.nextInt(26));
        }
      } else {
        out.writeBytes(CHUNKS[random.nextInt(CHUNKS.length)].getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }
}

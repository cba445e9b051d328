/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.connect.FakeTaskContext;
import dev.courier.connect.FakeTaskContext.FakeClock;
import dev.courier.connect.RecordText;
import dev.courier.harness.LogCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTaskTest {

  private static final long START = 1_800_000_000_000L;

  @TempDir Path root;
  Path in;
  Path done;
  FakeClock time;
  final List<FileSourceTask> started = new ArrayList<>();

  @BeforeEach
  void dirs() throws IOException {
    in = Files.createDirectories(root.resolve("in"));
    done = root.resolve("done");
    time = new FakeClock(START);
  }

  @AfterEach
  void stopTasks() {
    started.forEach(FileSourceTask::stop);
  }

  Map<String, String> config(String format, String... more) {
    Map<String, String> config = new HashMap<>();
    config.put("name", "files");
    config.put("input.paths", in.toString());
    config.put("input.file.pattern", ".*\\.(json|csv|txt|log)");
    config.put("format", format);
    config.put("topic", "lines");
    config.put("spool.finished.path", done.toString());
    config.put("spool.min.file.age.ms", "0");
    config.put("scan.interval.ms", "10");
    for (int i = 0; i < more.length; i += 2) {
      config.put(more[i], more[i + 1]);
    }
    return config;
  }

  FakeTaskContext context(Map<String, String> config) {
    return new FakeTaskContext(config, false);
  }

  FileSourceTask start(Map<String, String> config, FakeTaskContext context) {
    FileSourceTask task = new FileSourceTask(time);
    task.initialize(context);
    task.start(config);
    started.add(task);
    return task;
  }

  Path write(String name, String content) throws IOException {
    Path file = in.resolve(name);
    Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  /** Polls until {@code count} records came back (or 50 polls), acknowledging nothing. */
  static List<SourceRecord> pollRecords(FileSourceTask task, int count) throws InterruptedException {
    List<SourceRecord> all = new ArrayList<>();
    for (int i = 0; i < 50 && all.size() < count; i++) {
      List<SourceRecord> batch = task.poll();
      if (batch != null) {
        all.addAll(batch);
      }
    }
    return all;
  }

  static void ack(FileSourceTask task, List<SourceRecord> records) throws InterruptedException {
    for (SourceRecord record : records) {
      task.commitRecord(record, null);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> offset(SourceRecord record) {
    return (Map<String, Object>) record.sourceOffset();
  }

  static String header(SourceRecord record, String key) {
    return RecordText.header(record, key);
  }

  static String keyText(SourceRecord record) {
    return RecordText.keyText(record);
  }

  @Test
  void jsonLinesBecomeSchemalessMapsWithKeysAndExactOffsets() throws Exception {
    Path file = write("a.json", "{\"id\":\"k1\",\"n\":1,\"x\":1.5,\"tags\":[\"a\"],\"o\":{\"p\":true}}\n"
        + "{\"id\":\"k2\",\"n\":2,\"x\":null}\r\n");
    FileSourceTask task = start(config("json", "key.field", "id"), context(config("json")));

    List<SourceRecord> records = pollRecords(task, 2);

    assertThat(records).hasSize(2);
    SourceRecord first = records.get(0);
    assertThat(first.topic()).isEqualTo("lines");
    assertThat(first.key()).isEqualTo("k1");
    assertThat(first.valueSchema()).isNull();
    assertThat(first.value()).isEqualTo(Map.of("id", "k1", "n", 1L, "x", 1.5, "tags", List.of("a"),
        "o", Map.of("p", true)));
    assertThat(first.sourcePartition()).isEqualTo(Map.of("path", file.toRealPath().toString()));
    int firstLength = "{\"id\":\"k1\",\"n\":1,\"x\":1.5,\"tags\":[\"a\"],\"o\":{\"p\":true}}\n".length();
    assertThat(offset(first)).containsEntry("position", (long) firstLength).containsEntry("line", 2L);
    assertThat(offset(records.get(1))).containsEntry("position", Files.size(file)).containsEntry("line", 3L);
    Map<String, Object> second = new HashMap<>();
    second.put("id", "k2");
    second.put("n", 2L);
    second.put("x", null);
    assertThat(records.get(1).value()).isEqualTo(second);
  }

  @Test
  void spoolMovesAFileOnlyAfterEveryRecordIsAcknowledged() throws Exception {
    Path file = write("a.txt", "one\ntwo\nthree");
    FileSourceTask task = start(config("text"), context(config("text")));

    List<SourceRecord> records = pollRecords(task, 3);
    assertThat(records).extracting(SourceRecord::value).containsExactly("one", "two", "three");

    ack(task, records.subList(0, 2));
    for (int i = 0; i < 5; i++) {
      assertThat(task.poll()).isNull();
    }
    assertThat(file).exists();
    assertThat(done.resolve("a.txt")).doesNotExist();

    ack(task, records.subList(2, 3));
    assertThat(task.poll()).isNull();
    assertThat(file).doesNotExist();
    assertThat(done.resolve("a.txt")).hasContent("one\ntwo\nthree");
  }

  @Test
  void spoolDeletesWhenAskedAndNeverOverwritesAFinishedFile() throws Exception {
    Files.createDirectories(done);
    Files.writeString(done.resolve("a.txt"), "older");
    write("a.txt", "x\n");
    FileSourceTask task = start(config("text"), context(config("text")));
    List<SourceRecord> records = pollRecords(task, 1);
    ack(task, records);
    task.poll();
    assertThat(done.resolve("a.txt")).hasContent("older");
    assertThat(done.resolve("a.txt.1")).hasContent("x\n");

    Map<String, String> deleting = config("text", "spool.finished.action", "delete");
    Path second = write("b.txt", "y\n");
    FileSourceTask deleter = start(deleting, context(deleting));
    ack(deleter, pollRecords(deleter, 1));
    deleter.poll();
    assertThat(second).doesNotExist();
  }

  @Test
  void spoolWaitsForFilesToBeOldEnough() throws Exception {
    Path file = write("young.txt", "x\n");
    Files.setLastModifiedTime(file, FileTime.fromMillis(START - 100));
    Map<String, String> config = config("text", "spool.min.file.age.ms", "5000");
    FileSourceTask task = start(config, context(config));
    assertThat(task.poll()).isNull();
    assertThat(task.poll()).isNull();
    time.advance(5000);
    assertThat(pollRecords(task, 1)).extracting(SourceRecord::value).containsExactly("x");
  }

  @Test
  void aRestartedTaskResumesExactlyAfterTheLastCommittedRecord() throws Exception {
    String content = IntStream.rangeClosed(1, 100).mapToObj(i -> "{\"i\":" + i + "}").collect(
        Collectors.joining("\n", "", "\n"));
    write("big.json", content);
    Map<String, String> config = config("json", "poll.max.records", "7");
    FakeTaskContext context = context(config);
    FileSourceTask first = start(config, context);
    List<SourceRecord> before = pollRecords(first, 30);
    assertThat(before).hasSize(35);
    context.commit(before.subList(0, 33));
    first.stop();

    FileSourceTask second = start(config, context);
    List<SourceRecord> after = pollRecords(second, 67);

    List<Object> values = new ArrayList<>();
    before.subList(0, 33).forEach(r -> values.add(r.value()));
    after.forEach(r -> values.add(r.value()));
    assertThat(values).isEqualTo(IntStream.rangeClosed(1, 100).mapToObj(i -> Map.of("i", (long) i)).toList());
    assertThat(offset(after.get(0))).containsEntry("line", 35L);
  }

  @Test
  void aFileReplacedAtTheSamePathIsReadFromItsStart() throws Exception {
    Path file = write("daily.txt", "a\nb\n");
    Files.setLastModifiedTime(file, FileTime.fromMillis(START - 60_000));
    Map<String, String> config = config("text");
    FakeTaskContext context = context(config);
    FileSourceTask first = start(config, context);
    List<SourceRecord> records = pollRecords(first, 2);
    context.commit(records);
    ack(first, records);
    first.poll();
    assertThat(file).doesNotExist();
    first.stop();

    // The same name and the same first bytes, dropped again later: a new file, not the end of the old one.
    Path again = write("daily.txt", "a\nb\nc\n");
    Files.setLastModifiedTime(again, FileTime.fromMillis(START - 1000));
    FileSourceTask second = start(config, context);
    assertThat(pollRecords(second, 3)).extracting(SourceRecord::value).containsExactly("a", "b", "c");
  }

  @Test
  void csvHasAHeaderQuotingMultiLineFieldsAndAConfigurableDelimiter() throws Exception {
    write("a.csv", "\uFEFFid;name;note\r\n1;\"Smith; J\";\"says \"\"hi\"\"\nand more\"\n2;;plain\n\n");
    Map<String, String> config = config("csv", "csv.delimiter", ";", "key.field", "id");
    FileSourceTask task = start(config, context(config));

    List<SourceRecord> records = pollRecords(task, 2);

    assertThat(records).hasSize(2);
    Struct first = (Struct) records.get(0).value();
    assertThat(first.schema().fields()).extracting(f -> f.name()).containsExactly("id", "name", "note");
    assertThat(first.getString("name")).isEqualTo("Smith; J");
    assertThat(first.getString("note")).isEqualTo("says \"hi\"\nand more");
    assertThat(records.get(0).key()).isEqualTo("1");
    assertThat(offset(records.get(0))).containsEntry("line", 4L);
    Struct second = (Struct) records.get(1).value();
    assertThat(second.getString("name")).isEmpty();
    assertThat(offset(records.get(1))).containsEntry("line", 5L);
  }

  @Test
  void aResumedCsvFileReadsItsHeaderAgain() throws Exception {
    write("a.csv", "a,b\n1,2\n3,4\n");
    Map<String, String> config = config("csv");
    FakeTaskContext context = context(config);
    FileSourceTask first = start(config, context);
    List<SourceRecord> records = pollRecords(first, 2);
    context.commit(records.subList(0, 1));
    first.stop();

    List<SourceRecord> rest = pollRecords(start(config, context), 1);
    assertThat(rest).hasSize(1);
    assertThat(((Struct) rest.get(0).value()).getString("a")).isEqualTo("3");
  }

  @Test
  void badRecordsGoToTheDeadLetterTopicWithTheirLocationInTheSameBatch() throws Exception {
    Path file = write("a.csv", "a,b\n1,2\n1,2,3\n\"open,4\n");
    Map<String, String> config = config("csv", "bad.record.policy", "dead-letter",
        "bad.record.dead.letter.topic", "lines-dlq");
    FileSourceTask task = start(config, context(config));

    List<SourceRecord> records = pollRecords(task, 3);

    assertThat(records).extracting(SourceRecord::topic).containsExactly("lines", "lines-dlq", "lines-dlq");
    SourceRecord wrongCount = records.get(1);
    assertThat(wrongCount.value()).isEqualTo("1,2,3");
    assertThat(header(wrongCount, "courier.error.file")).isEqualTo(file.toRealPath().toString());
    assertThat(header(wrongCount, "courier.error.line")).isEqualTo("3");
    assertThat(header(wrongCount, "courier.error.offset")).isEqualTo("8");
    assertThat(header(wrongCount, "courier.error.reason")).contains("3 columns").contains("header has 2 (a, b)");
    assertThat(offset(wrongCount)).containsEntry("position", 14L);
    assertThat(header(records.get(2), "courier.error.reason")).contains("never closed");
    assertThat(records.get(2).sourcePartition()).isEqualTo(records.get(0).sourcePartition());
  }

  @Test
  void skipLogsAndGoesOnWithInvalidUtf8AndOverLongLines() throws Exception {
    Path file = in.resolve("a.txt");
    byte[] invalid = {'o', 'k', '\n', (byte) 0xC3, 0x28, '\n', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',
        'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', '\n', 'e', 'n', 'd', '\n'};
    Files.write(file, invalid);
    Map<String, String> config = config("text", "bad.record.policy", "skip", "record.max.bytes", "16");
    FakeTaskContext context = context(config);
    FileSourceTask task = start(config, context);

    List<SourceRecord> records = pollRecords(task, 2);

    assertThat(records).extracting(SourceRecord::value).containsExactly("ok", "end");
    assertThat(offset(records.get(1))).containsEntry("position", (long) invalid.length);
    assertThat(context.metric("bad-records-total")).isEqualTo(2);
    assertThat(context.metric("records-read-total")).isEqualTo(2);
    assertThat(context.metric("bytes-read-total")).isEqualTo(invalid.length);
  }

  @Test
  void overLongLinesAreNeverHeldInMemory() throws Exception {
    Path file = in.resolve("huge.txt");
    try (var out = Files.newOutputStream(file)) {
      out.write("first\n".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) 'z');
      for (int i = 0; i < 8; i++) {
        out.write(chunk);
      }
      out.write("\nlast\n".getBytes(StandardCharsets.UTF_8));
    }
    Map<String, String> config = config("text", "bad.record.policy", "dead-letter",
        "bad.record.dead.letter.topic", "dlq", "record.max.bytes", "1000");
    FileSourceTask task = start(config, context(config));

    List<SourceRecord> records = pollRecords(task, 3);

    assertThat(records).extracting(SourceRecord::topic).containsExactly("lines", "dlq", "lines");
    assertThat((String) records.get(1).value()).hasSize(1000);
    assertThat(header(records.get(1), "courier.error.length")).isEqualTo(Integer.toString(8 << 20));
    assertThat(header(records.get(1), "courier.error.truncated")).isEqualTo("true");
    assertThat(records.get(2).value()).isEqualTo("last");
  }

  @Test
  void failDeliversTheGoodRecordsFirstThenFailsNamingFileLineAndOffset() throws Exception {
    Path file = write("a.json", "{\"a\":1}\n{\"a\":2}\n{\"a\":\n{\"a\":4}\n");
    Map<String, String> config = config("json");
    FileSourceTask task = start(config, context(config));

    List<SourceRecord> first = task.poll();
    assertThat(first).hasSize(2);
    assertThatThrownBy(task::poll)
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("file " + file.toRealPath() + " line 3 (byte offset 16)")
        .hasMessageContaining("invalid JSON")
        .hasMessageContaining("bad.record.policy");
    assertThatThrownBy(task::poll).isInstanceOf(ConnectException.class);
  }

  @Test
  void jsonLinesMustBeOneObject() throws Exception {
    write("a.json", "[1]\n{\"a\":1} {\"b\":2}\n{\"a\":1,\"a\":2}\n{\"big\":123456789012345678901234567890}\n \n");
    Map<String, String> config = config("json", "bad.record.policy", "dead-letter",
        "bad.record.dead.letter.topic", "dlq");
    FileSourceTask task = start(config, context(config));

    List<SourceRecord> records = pollRecords(task, 4);

    assertThat(records).extracting(r -> header(r, "courier.error.reason")).satisfiesExactly(
        reason -> assertThat(reason).contains("is an array, but a JSON object is expected"),
        reason -> assertThat(reason).contains("after the JSON object"),
        reason -> assertThat(reason).contains("Duplicate field 'a'"),
        reason -> assertThat(reason).contains("does not fit in 64 bits"));
  }

  @Test
  void tasksSplitFilesByHashAndEachFileIsReadByExactlyOneTask() throws Exception {
    for (int i = 0; i < 40; i++) {
      write("f" + i + ".txt", "line of " + i + "\n");
    }
    List<Object> all = new ArrayList<>();
    for (int index = 0; index < 3; index++) {
      Map<String, String> config = config("text", "courier.task.index", Integer.toString(index),
          "courier.task.count", "3");
      List<SourceRecord> records = pollRecords(start(config, context(config)), 40);
      assertThat(records).isNotEmpty().hasSizeLessThan(40);
      records.forEach(r -> all.add(r.value()));
    }
    assertThat(all).containsExactlyInAnyOrderElementsOf(
        IntStream.range(0, 40).mapToObj(i -> "line of " + i).toList());
  }

  @Test
  void largeDirectoriesAreListedInStepsWithoutHoldingUpReading() throws Exception {
    for (int i = 0; i < 3500; i++) {
      Files.writeString(in.resolve("f" + i + ".txt"), i + "\n");
    }
    Map<String, String> config = config("text");
    FakeTaskContext context = context(config);
    FileSourceTask task = start(config, context);

    List<SourceRecord> firstPoll = task.poll();

    // One poll looks at no more than one step of directory entries, and reads what it found.
    assertThat(firstPoll).isNotEmpty().hasSizeLessThanOrEqualTo(1000);
    List<SourceRecord> all = new ArrayList<>(firstPoll);
    all.addAll(pollRecords(task, 3500 - firstPoll.size()));
    assertThat(all).hasSize(3500);
    assertThat(context.offsetReads).isBetween(4, 10);
  }

  @Test
  void symbolicLinksOutsideTheInputDirectoriesAreRefused() throws Exception {
    Path outside = Files.writeString(root.resolve("secret.txt"), "secret\n");
    Files.createSymbolicLink(in.resolve("leak.txt"), outside);
    Path inside = write("real.txt", "fine\n");
    Files.createSymbolicLink(in.resolve("alias.txt"), inside);
    Map<String, String> config = config("text", "mode", "tail");
    FileSourceTask task = start(config, context(config));

    List<SourceRecord> records = pollRecords(task, 2);

    assertThat(records).extracting(SourceRecord::value).containsExactly("fine");
    assertThat(records.get(0).sourcePartition()).isEqualTo(Map.of("path", inside.toRealPath().toString()));
  }

  @Test
  void aTailedFileSwappedForALinkToAnOutsideFileIsNeverRead() throws Exception {
    Path outside = Files.writeString(root.resolve("secret.log"), "secret 1\nsecret 2\n");
    Path file = write("app.log", "1\n");
    Map<String, String> config = config("text", "mode", "tail");
    FileSourceTask task = start(config, context(config));
    assertThat(pollRecords(task, 1)).extracting(SourceRecord::value).containsExactly("1");

    // A writer of the input directory appends, renames the file away and puts a link to an outside file in its place.
    Files.writeString(file, "2\n", StandardOpenOption.APPEND);
    Files.move(file, in.resolve("app.log.old"));
    Files.createSymbolicLink(file, outside);
    time.advance(1000);
    List<SourceRecord> records = pollRecords(task, 3);
    Files.writeString(outside, "secret 3\n", StandardOpenOption.APPEND);
    time.advance(1000);
    records.addAll(pollRecords(task, 1));

    assertThat(records).extracting(SourceRecord::value).containsExactly("2");
    assertThat(task.trackedFiles()).isEmpty();
  }

  @Test
  void aSpooledFileSwappedForALinkBetweenListingAndOpenIsRefusedAndTheRealFileIsReadLater() throws Exception {
    Path outside = Files.writeString(root.resolve("secret.txt"), "secret\n");
    write("a.txt", "a1\na2\n");
    write("b.txt", "b1\nb2\n");
    Map<String, String> config = config("text", "poll.max.records", "1");
    FakeTaskContext context = context(config);
    FileSourceTask task = start(config, context);
    List<SourceRecord> records = new ArrayList<>(task.poll());
    // Both files are listed; one is open, the other waits in the queue: swap that one now.
    TrackedFile waiting = task.trackedFiles().stream().filter(f -> f.channel == null).findFirst().orElseThrow();
    Path moved = root.resolve("moved-away.txt");
    Files.move(waiting.path, moved);
    Files.createSymbolicLink(waiting.path, outside);

    try (LogCapture logs = LogCapture.start(Level.WARN)) {
      records.addAll(pollRecords(task, 10));
      assertThat(logs.events(e -> e.contains("Refusing to read " + waiting.path))).isNotEmpty()
          .allSatisfy(e -> assertThat(e).startsWith("WARN").contains("it is now a symbolic link"));
    }
    assertThat(records).extracting(SourceRecord::value).hasSize(2).noneMatch(v -> v.toString().startsWith("secret"));

    // The writer puts the real file back: the next listing reads it, so nothing of it is lost.
    Files.delete(waiting.path);
    Files.move(moved, waiting.path);
    ack(task, records);
    time.advance(1000);
    records.addAll(pollRecords(task, 2));
    assertThat(records).extracting(SourceRecord::value).containsExactlyInAnyOrder("a1", "a2", "b1", "b2");
  }

  @Test
  void aDirectorySwappedForALinkBetweenListingAndOpenIsRefused() throws Exception {
    Path outsideDir = Files.createDirectories(root.resolve("outside"));
    Files.writeString(outsideDir.resolve("x.txt"), "secret\n");
    Path sub = Files.createDirectories(in.resolve("sub"));
    Files.writeString(sub.resolve("x.txt"), "x1\n");
    write("a.txt", "a1\n");
    Map<String, String> config = config("text", "input.recursive", "true", "poll.max.records", "1",
        "spool.finished.action", "delete");
    FileSourceTask task = start(config, context(config));
    List<SourceRecord> records = new ArrayList<>();
    // Poll until sub/x.txt is listed but not yet opened, then swap its directory for a link to an outside one.
    TrackedFile listed = null;
    for (int i = 0; i < 20 && listed == null; i++) {
      records.addAll(pollRecords(task, 1));
      listed = task.trackedFiles().stream().filter(f -> f.path.endsWith("sub/x.txt") && f.channel == null)
          .findFirst().orElse(null);
    }
    assertThat(listed).as("sub/x.txt listed and waiting to be opened").isNotNull();
    Files.move(sub, in.resolve("sub-old"));
    Files.createSymbolicLink(sub, outsideDir);

    time.advance(1000);
    try (LogCapture logs = LogCapture.start(Level.WARN)) {
      records.addAll(pollRecords(task, 5));
      // Refused for the link on its way, not only because the outside file has another file key.
      Path refused = listed.path;
      assertThat(logs.events(e -> e.contains("Refusing to read " + refused))).isNotEmpty()
          .allSatisfy(e -> assertThat(e).contains("the directory " + sub + " on its way is now a symbolic link"));
    }

    assertThat(records).extracting(SourceRecord::value).noneMatch(v -> v.toString().startsWith("secret"))
        .contains("a1");
  }

  @Test
  void tailKeepsAtMostMaxOpenFilesOpenAndReopensParkedFilesWhereTheyStopped() throws Exception {
    int files = 6;
    for (int f = 0; f < files; f++) {
      // A byte-order mark and a partial last line: both must survive parking.
      write("f" + f + ".log", "\uFEFFf" + f + " l1\nf" + f + " l2\nf" + f + " par");
    }
    Map<String, String> config = config("text", "mode", "tail", "tail.max.open.files", "2");
    FakeTaskContext context = context(config);
    FileSourceTask task = start(config, context);
    List<SourceRecord> records = new ArrayList<>();
    List<Long> openCounts = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 30; i++) {
        List<SourceRecord> batch = task.poll();
        if (batch != null) {
          records.addAll(batch);
        }
        openCounts.add(context.metric("files-open"));
      }
      for (int f = 0; f < files; f++) {
        Files.writeString(in.resolve("f" + f + ".log"), round == 0 ? "t\nf" + f + " l4\n" : "f" + f + " l" + (4 + round)
            + "\n", StandardOpenOption.APPEND);
      }
      time.advance(1000);
    }
    records.addAll(pollRecords(task, files * 6 - records.size()));

    List<String> expected = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      expected.addAll(List.of("f" + f + " l1", "f" + f + " l2", "f" + f + " part", "f" + f + " l4", "f" + f + " l5",
          "f" + f + " l6"));
    }
    assertThat(records).extracting(SourceRecord::value).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(openCounts).allMatch(n -> n <= 2).contains(2L);
    assertThat(context.metric("files-tracked")).isEqualTo(files);
    // Offsets are exact after reopening: the last record of f0 ends at the end of the file.
    SourceRecord last = records.stream().filter(r -> r.value().equals("f0 l6")).findFirst().orElseThrow();
    assertThat(offset(last)).containsEntry("position", Files.size(in.resolve("f0.log"))).containsEntry("line", 7L);
  }

  @Test
  void aParkedFileSwappedForALinkToAnOutsideFileIsNeverRead() throws Exception {
    Path outside = Files.writeString(root.resolve("secret.log"), "secret\n");
    write("a.log", "a1\n");
    write("b.log", "b1\n");
    Map<String, String> config = config("text", "mode", "tail", "tail.max.open.files", "1");
    FileSourceTask task = start(config, context(config));
    List<SourceRecord> records = pollRecords(task, 2);
    TrackedFile parked = task.trackedFiles().stream().filter(f -> f.parked).findFirst().orElseThrow();

    Files.move(parked.path, in.resolve("moved.old"));
    Files.createSymbolicLink(parked.path, outside);
    time.advance(1000);
    records.addAll(pollRecords(task, 3));

    assertThat(records).extracting(SourceRecord::value).containsExactlyInAnyOrder("a1", "b1");
    assertThat(task.trackedFiles()).extracting(f -> f.path).doesNotContain(parked.path);
  }

  @Test
  void aParkedFileWithBytesLeftThatIsRotatedIsFoundByItsFileKeyAndReadToItsEnd() throws Exception {
    write("a.log", "a1\na2\na3\n");
    write("b.log", "b1\nb2\nb3\n");
    Map<String, String> config = config("text", "mode", "tail", "tail.max.open.files", "1", "poll.max.records", "1");
    FakeTaskContext context = context(config);
    FileSourceTask task = start(config, context);
    List<SourceRecord> records = new ArrayList<>(pollRecords(task, 2));
    // One file was closed with two lines left to make room for the other; now it is rotated as logrotate does.
    TrackedFile parked = task.trackedFiles().stream().filter(f -> f.parked).findFirst().orElseThrow();
    String name = parked.path.getFileName().toString().substring(0, 1);
    Files.move(parked.path, in.resolve(name + ".log.1"));
    Files.writeString(parked.path, "n1\n");
    time.advance(1000);
    records.addAll(pollRecords(task, 5));

    assertThat(records).extracting(SourceRecord::value)
        .containsExactlyInAnyOrder("a1", "a2", "a3", "b1", "b2", "b3", "n1");
    // The old file's records keep its path's partition and exact offsets; the new file starts again.
    assertThat(records.stream().filter(r -> r.value().equals(name + "3")).findFirst().orElseThrow())
        .satisfies(r -> assertThat(r.sourcePartition()).isEqualTo(Map.of("path", parked.path.toString())))
        .satisfies(r -> assertThat(offset(r)).containsEntry("position", 9L).containsEntry("line", 4L));
    assertThat(context.metric("files-open")).isLessThanOrEqualTo(1);
  }

  @Test
  void anIdleParkedFileAppendedToAndRotatedIsFoundByItsFileKeyAndReadToItsEnd() throws Exception {
    write("a.log", "a1\n");
    write("b.log", "b1\n");
    Map<String, String> config = config("text", "mode", "tail", "tail.max.open.files", "1");
    FileSourceTask task = start(config, context(config));
    List<SourceRecord> records = new ArrayList<>(pollRecords(task, 2));
    TrackedFile parked = task.trackedFiles().stream().filter(f -> f.parked).findFirst().orElseThrow();
    String name = parked.path.getFileName().toString().substring(0, 1);
    // Appended to while closed, then rotated before the next check.
    Files.writeString(parked.path, name + "2\n", StandardOpenOption.APPEND);
    Files.move(parked.path, in.resolve(name + ".log.1"));
    Files.writeString(parked.path, "n1\n");
    time.advance(1000);
    records.addAll(pollRecords(task, 2));

    assertThat(records).extracting(SourceRecord::value).containsExactlyInAnyOrder("a1", "b1", name + "2", "n1");
  }

  @Test
  void tailFollowsAtMostMaxTrackedFilesAndReportsTheFilesThatWait() throws Exception {
    write("a.log", "a1\n");
    write("b.log", "b1\n");
    write("c.log", "c1\n");
    Map<String, String> config = config("text", "mode", "tail", "tail.max.tracked.files", "2");
    FakeTaskContext context = context(config);
    FileSourceTask task = start(config, context);

    List<SourceRecord> records;
    try (LogCapture logs = LogCapture.start(Level.WARN)) {
      records = pollRecords(task, 3);
      assertThat(logs.events(e -> e.contains("tail.max.tracked.files=2"))).isNotEmpty()
          .allSatisfy(e -> assertThat(e).startsWith("WARN").contains("1 files found in input.paths are not read"));
    }
    assertThat(records).hasSize(2);
    assertThat(context.metric("files-tracked")).isEqualTo(2);
    assertThat(context.metric("files-untracked")).isEqualTo(1);

    // A followed file is removed: it is read to its end and let go, and the waiting file is followed.
    TrackedFile gone = task.trackedFiles().iterator().next();
    Files.delete(gone.path);
    time.advance(1000);
    records.addAll(pollRecords(task, 1));
    time.advance(1000);
    task.poll();
    assertThat(records).extracting(SourceRecord::value).containsExactlyInAnyOrder("a1", "b1", "c1");
    assertThat(context.metric("files-untracked")).isZero();
  }

  @Test
  void tailFollowsAppendsAndWaitsForTheLineEnd() throws Exception {
    Path file = write("app.log", "a\nb");
    Map<String, String> config = config("text", "mode", "tail");
    FileSourceTask task = start(config, context(config));

    assertThat(pollRecords(task, 1)).extracting(SourceRecord::value).containsExactly("a");
    assertThat(task.poll()).isNull();
    Files.writeString(file, "c\nd\n", StandardOpenOption.APPEND);
    assertThat(pollRecords(task, 2)).extracting(SourceRecord::value).containsExactly("bc", "d");
  }

  @Test
  void tailReadsATruncatedFileFromItsStart() throws Exception {
    Path file = write("app.log", "first\nsecond\n");
    Map<String, String> config = config("text", "mode", "tail");
    FileSourceTask task = start(config, context(config));
    assertThat(pollRecords(task, 2)).hasSize(2);

    Files.writeString(file, "new\n");
    assertThat(pollRecords(task, 1)).extracting(SourceRecord::value).containsExactly("new");
  }

  @Test
  void tailReadsARotatedFileToItsEndThenTheNewFile() throws Exception {
    Path file = write("app.log", "1\n");
    Map<String, String> config = config("text", "mode", "tail");
    FileSourceTask task = start(config, context(config));
    assertThat(pollRecords(task, 1)).extracting(SourceRecord::value).containsExactly("1");

    // The writer appends a last line (without line end) and the file is renamed away; a new one takes its path.
    Files.writeString(file, "2\n3", StandardOpenOption.APPEND);
    Files.move(file, in.resolve("app.log.1"));
    Files.writeString(file, "new 1\n");
    time.advance(1000);

    List<SourceRecord> records = pollRecords(task, 3);
    assertThat(records).extracting(SourceRecord::value).containsExactly("2", "3", "new 1");
    assertThat(offset(records.get(2))).containsEntry("position", 6L);
  }

  @Test
  void connectorBoundariesEndATransactionAtTheEndOfEachFile() throws Exception {
    write("a.txt", "a1\na2\n");
    write("b.txt", "b1\n");
    Map<String, String> config = config("text");
    FakeTaskContext context = new FakeTaskContext(config, true);
    FileSourceTask task = start(config, context);

    List<SourceRecord> records = pollRecords(task, 3);

    assertThat(records).hasSize(3);
    assertThat(context.boundaries).hasSize(2).doesNotContainNull();
    assertThat(context.boundaries).extracting(SourceRecord::value).containsExactlyInAnyOrder("a2", "b1");
  }

  @Test
  void metricsReportFilesCompletedAndBytesBehind() throws Exception {
    write("a.txt", "0123456789\n".repeat(10));
    Map<String, String> config = config("text", "poll.max.records", "4");
    FakeTaskContext context = context(config);
    FileSourceTask task = start(config, context);

    List<SourceRecord> records = new ArrayList<>(task.poll());
    assertThat(context.metric("bytes-behind")).isEqualTo(110 - 44);
    records.addAll(pollRecords(task, 6));
    ack(task, records);
    task.poll();
    assertThat(context.metric("files-completed-total")).isEqualTo(1);
    assertThat(context.metric("bytes-behind")).isZero();
    task.stop();
    assertThat(context.metrics).isEmpty();
  }
}

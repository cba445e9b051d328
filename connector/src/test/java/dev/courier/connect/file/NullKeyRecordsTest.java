/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import static dev.courier.connect.file.FileSourceTaskTest.header;
import static dev.courier.connect.file.FileSourceTaskTest.keyText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.connect.FakeTaskContext;
import dev.courier.connect.FakeTaskContext.FakeClock;
import dev.courier.connect.MessageClassConfig;
import dev.courier.connect.Polled;
import dev.courier.connect.messages.Readings;
import dev.courier.runtime.NullKeyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code message.class} whose {@code @PartitionKey} member is missing or {@code null} in an input record: a bad record
 * with its file and line, handled by each {@code bad.record.policy}, as the generated producer refuses such a
 * message; unless the type declares {@code @PartitionKey(nullable = true)}, or has no key at all.
 */
class NullKeyRecordsTest {

  static final String JSON = String.join("\n",
      "{\"sensorId\":\"s-1\",\"celsius\":20.5}",
      "{\"celsius\":21.0}",
      "{\"sensorId\":null,\"celsius\":22.0}",
      "{\"sensorId\":\"s-4\",\"celsius\":23.0}") + "\n";
  static final String CSV = String.join("\n",
      "sensorId,celsius",
      "s-1,20.5",
      ",21.0",
      "\"\",22.0",
      "s-4,23.0") + "\n";
  static final String KEYED = Readings.Keyed.class.getName();

  @TempDir Path in;

  record Run(List<SourceRecord> records, ConnectException failure, long bad, String file) {}

  Run read(String format, String content, String messageClass, String policy) throws Exception {
    Path file = in.resolve("readings." + format);
    Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    Map<String, String> config = new HashMap<>();
    config.put("name", "readings");
    config.put("input.paths", in.toString());
    config.put("input.file.pattern", "readings\\..*");
    config.put("format", format);
    config.put("mode", "tail");
    config.putAll(MessageClassConfig.of(messageClass));
    config.put("bad.record.policy", policy);
    if (policy.equals("dead-letter")) {
      config.put("bad.record.dead.letter.topic", "readings-dlq");
    }
    FakeTaskContext context = new FakeTaskContext(config, false);
    FileSourceTask task = new FileSourceTask(new FakeClock(1_800_000_000_000L));
    task.initialize(context);
    task.start(config);
    Polled polled = Polled.poll(task, 20);
    long bad = context.metric("bad-records-total");
    task.stop();
    return new Run(polled.records(), polled.failure(), bad, file.toRealPath().toString());
  }

  @ParameterizedTest(name = "{0}, {1}")
  @CsvSource({"json, fail", "json, skip", "json, dead-letter", "csv, fail", "csv, skip", "csv, dead-letter"})
  void aMissingOrNullKeyIsABadRecordWithItsPosition(String format, String policy) throws Exception {
    boolean json = format.equals("json");
    Run run = read(format, json ? JSON : CSV, KEYED, policy);

    String reason = NullKeyException.reason(KEYED, "sensorId");
    long firstBadLine = json ? 2 : 3;
    switch (policy) {
      case "fail" -> {
        assertThat(run.records()).extracting(FileSourceTaskTest::keyText).containsExactly("s-1");
        assertThat(run.failure()).as("the task fails on the first record without key").isNotNull();
        assertThat(run.failure().getMessage())
            .contains("Bad record in file " + run.file() + " line " + firstBadLine + " ")
            .contains(reason)
            .contains("bad.record.policy");
      }
      case "skip" -> {
        assertThat(run.failure()).isNull();
        assertThat(run.records()).extracting(FileSourceTaskTest::keyText).containsExactly("s-1", "s-4");
        assertThat(run.bad()).isEqualTo(2);
      }
      default -> {
        assertThat(run.failure()).isNull();
        assertThat(run.records()).extracting(SourceRecord::topic)
            .containsExactly("readings", "readings-dlq", "readings-dlq", "readings");
        for (SourceRecord dead : List.of(run.records().get(1), run.records().get(2))) {
          assertThat(header(dead, "courier.error.reason")).isEqualTo(reason);
          assertThat(header(dead, "courier.error.file")).isEqualTo(run.file());
        }
        assertThat(run.records().subList(1, 3)).extracting(r -> header(r, "courier.error.line"))
            .containsExactly(Long.toString(firstBadLine), Long.toString(firstBadLine + 1));
        assertThat(keyText(run.records().get(3))).isEqualTo("s-4");
        assertThat(run.bad()).isEqualTo(2);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"json", "csv"})
  void aKeyDeclaredNullableIsSentAsANullKey(String format) throws Exception {
    Run run = read(format, format.equals("json") ? JSON : CSV, Readings.NullableKey.class.getName(), "fail");

    assertThat(run.failure()).isNull();
    assertThat(run.records()).extracting(FileSourceTaskTest::keyText).containsExactly("s-1", null, null, "s-4");
    assertThat(run.records()).extracting(SourceRecord::topic).containsOnly("readings");
    assertThat(run.bad()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"json", "csv"})
  void aTypeWithoutKeySendsNullKeys(String format) throws Exception {
    Run run = read(format, format.equals("json") ? JSON : CSV, Readings.Unkeyed.class.getName(), "fail");

    assertThat(run.failure()).isNull();
    assertThat(run.records()).hasSize(4).extracting(FileSourceTaskTest::keyText).containsOnlyNulls();
    assertThat(run.bad()).isZero();
  }

  @Test
  void aCsvHeaderWithoutTheKeyColumnMakesEveryRowBad() throws Exception {
    Run run = read("csv", "celsius\n21.0\n22.0\n", KEYED, "dead-letter");

    assertThat(run.records()).extracting(SourceRecord::topic)
        .containsExactly("readings-dlq", "readings-dlq", "readings-dlq");
    assertThat(header(run.records().get(2), "courier.error.reason"))
        .contains("header row (line 1) is invalid")
        .contains("the required members [sensorId] of " + KEYED + " have no column");
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.courier.harness.ConnectorStatus;
import dev.courier.harness.EmbeddedConnect;
import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.TopicReader;
import dev.courier.harness.ValidationResult;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file source on a real KRaft broker and a distributed Connect worker with exactly-once source support, all in
 * this JVM; one broker and one worker for the whole class. Records are read back with a read_committed consumer.
 */
@Tag("scenario")
class FileSourceConnectorIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  static EmbeddedKafka kafka;
  static EmbeddedConnect connect;
  @TempDir static Path root;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.start();
    connect = EmbeddedConnect.start(kafka);
  }

  @AfterAll
  static void stop() {
    if (connect != null) {
      connect.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  static Map<String, String> config(String name, Path in, String format, String pattern, String... more) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", FileSourceConnector.class.getName());
    config.put("tasks.max", "1");
    config.put("input.paths", in.toString());
    config.put("input.file.pattern", pattern);
    config.put("format", format);
    config.put("topic", name);
    config.put("spool.finished.path", root.resolve(name + "-done").toString());
    config.put("spool.min.file.age.ms", "0");
    config.put("scan.interval.ms", "100");
    config.put("poll.interval.ms", "50");
    config.put("exactly.once.support", "required");
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    for (int i = 0; i < more.length; i += 2) {
      config.put(more[i], more[i + 1]);
    }
    return config;
  }

  static Path dir(String name) throws Exception {
    return Files.createDirectories(root.resolve(name));
  }

  static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(r -> r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8))
        .toList();
  }

  static String header(ConsumerRecord<byte[], byte[]> record, String key) {
    Header header = record.headers().lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  static List<ConsumerRecord<byte[], byte[]>> read(String topic, int count) {
    return TopicReader.readExactly(kafka.bootstrapServers(), topic, count, TIMEOUT);
  }

  @Test
  void jsonLinesAreSpooledExactlyOnceAndFilesMoveOnlyAfterCommit() throws Exception {
    Path in = dir("json-in");
    Files.writeString(in.resolve("a.json"), "{\"id\":\"a1\",\"n\":1}\n{\"id\":\"a2\",\"n\":2}\n");
    Files.writeString(in.resolve("b.json"), "{\"id\":\"b1\",\"n\":3}\n");
    kafka.createTopic("json", 3);
    connect.createOrUpdateConnector("json", config("json", in, "json", ".*\\.json", "key.field", "id",
        "tasks.max", "2"));
    connect.awaitConnectorAndTasksRunning("json", 2, TIMEOUT);

    Path done = root.resolve("json-done");
    await().atMost(TIMEOUT).until(() -> Files.exists(done.resolve("a.json")) && Files.exists(done.resolve("b.json")));
    // Moved means committed: every record is already visible to a read_committed consumer.
    List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readExactly(kafka.bootstrapServers(), "json", 3,
        Duration.ofSeconds(5));
    Map<String, String> byKey = records.stream().collect(Collectors.toMap(
        r -> new String(r.key(), StandardCharsets.UTF_8), r -> new String(r.value(), StandardCharsets.UTF_8)));
    assertThat(byKey).containsOnly(Map.entry("a1", "{\"id\":\"a1\",\"n\":1}"), Map.entry("a2", "{\"id\":\"a2\",\"n\":2}"),
        Map.entry("b1", "{\"id\":\"b1\",\"n\":3}"));
    assertThat(in.resolve("a.json")).doesNotExist();
    assertThat(metric("json", 0, "records-read-total") + metric("json", 1, "records-read-total")).isEqualTo(3);
    connect.deleteConnector("json");
  }

  @Test
  void csvAndTextFilesBecomeRecords() throws Exception {
    Path csv = dir("csv-in");
    Files.writeString(csv.resolve("people.csv"), "id;name\n1;\"Doe; Jane\"\n2;Bob\n");
    kafka.createTopic("csv", 1);
    connect.createOrUpdateConnector("csv", config("csv", csv, "csv", ".*\\.csv", "csv.delimiter", ";",
        "key.field", "id"));
    assertThat(values(read("csv", 2))).containsExactly("{\"id\":\"1\",\"name\":\"Doe; Jane\"}",
        "{\"id\":\"2\",\"name\":\"Bob\"}");
    connect.deleteConnector("csv");

    Path text = dir("text-in");
    Files.writeString(text.resolve("notes.txt"), "hello\nwörld\n");
    kafka.createTopic("text", 1);
    connect.createOrUpdateConnector("text", config("text", text, "text", ".*\\.txt",
        "value.converter", "org.apache.kafka.connect.storage.StringConverter", "mode", "tail"));
    assertThat(values(read("text", 2))).containsExactly("hello", "wörld");
    connect.deleteConnector("text");
  }

  @Test
  void tailFollowsAppendsAndARotation() throws Exception {
    Path in = dir("tail-in");
    Path log = in.resolve("app.log");
    Files.writeString(log, "one\n");
    kafka.createTopic("tail", 1);
    connect.createOrUpdateConnector("tail", config("tail", in, "text", "app\\.log", "mode", "tail",
        "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
    connect.awaitConnectorAndTasksRunning("tail", 1, TIMEOUT);
    assertThat(values(read("tail", 1))).containsExactly("one");

    Files.writeString(log, "two\n", StandardOpenOption.APPEND);
    assertThat(values(read("tail", 2))).containsExactly("one", "two");

    Files.writeString(log, "three\n", StandardOpenOption.APPEND);
    Files.move(log, in.resolve("app.log.1"));
    Files.writeString(log, "four\n");
    assertThat(values(read("tail", 4))).containsExactly("one", "two", "three", "four");
    connect.deleteConnector("tail");
  }

  @Test
  void eachBadRecordPolicy() throws Exception {
    String content = "{\"n\":1}\nnot json\n{\"n\":3}\n";
    Path dlqIn = dir("dlq-in");
    Path file = Files.writeString(dlqIn.resolve("a.json"), content).toRealPath();
    kafka.createTopic("dlq-good", 1);
    kafka.createTopic("dlq-bad", 1);
    connect.createOrUpdateConnector("dlq", config("dlq-good", dlqIn, "json", ".*\\.json",
        "bad.record.policy", "dead-letter", "bad.record.dead.letter.topic", "dlq-bad"));
    assertThat(values(read("dlq-good", 2))).containsExactly("{\"n\":1}", "{\"n\":3}");
    List<ConsumerRecord<byte[], byte[]>> bad = TopicReader.readExactly(kafka.bootstrapServers(), "dlq-bad", 1,
        TIMEOUT);
    assertThat(values(bad)).containsExactly("\"not json\"");
    assertThat(header(bad.get(0), "courier.error.file")).isEqualTo(file.toString());
    assertThat(header(bad.get(0), "courier.error.line")).isEqualTo("2");
    assertThat(header(bad.get(0), "courier.error.offset")).isEqualTo("8");
    assertThat(header(bad.get(0), "courier.error.reason")).startsWith("invalid JSON");
    connect.deleteConnector("dlq");

    Path skipIn = dir("skip-in");
    Files.writeString(skipIn.resolve("a.json"), content);
    kafka.createTopic("skip", 1);
    connect.createOrUpdateConnector("skip", config("skip", skipIn, "json", ".*\\.json", "bad.record.policy",
        "skip"));
    assertThat(values(read("skip", 2))).containsExactly("{\"n\":1}", "{\"n\":3}");
    connect.deleteConnector("skip");

    Path failIn = dir("fail-in");
    Path failing = Files.writeString(failIn.resolve("a.json"), content).toRealPath();
    kafka.createTopic("fail", 1);
    connect.createOrUpdateConnector("fail", config("fail", failIn, "json", ".*\\.json"));
    assertThat(values(read("fail", 1))).containsExactly("{\"n\":1}");
    await().atMost(TIMEOUT).until(() -> connect.status("fail").hasFailed());
    ConnectorStatus status = connect.status("fail");
    assertThat(status.tasks().get(0).state()).isEqualTo("FAILED");
    assertThat(status.tasks().get(0).trace())
        .contains("Bad record in file " + failing + " line 2 (byte offset 8)");
    assertThat(failing).exists();
    connect.deleteConnector("fail");
  }

  @Test
  void validateAttachesErrorsToTheExactKeys() throws Exception {
    Path in = dir("validate-in");
    Map<String, String> config = config("v", in, "json", ".*", "producer.override.enable.idempotence", "true",
        "producer.override.acks", "1", "bad.record.policy", "dead-letter");
    config.put("name", "v");
    ValidationResult result = connect.validate(FileSourceConnector.class.getName(), config);
    assertThat(result.errors()).containsOnlyKeys("producer.override.acks", "bad.record.dead.letter.topic");
    assertThat(result.errorsFor("producer.override.acks")).anySatisfy(
        message -> assertThat(message).startsWith("[courier.idempotence.acks]"));
  }

  @Test
  @Tag("scenario")
  void aWorkerStoppedMidFileLosesAndDuplicatesNothing() throws Exception {
    int lines = 200_000;
    Path in = dir("restart-in");
    Path staging = root.resolve("restart.json");
    Files.writeString(staging, IntStream.range(0, lines).mapToObj(i -> "{\"i\":" + i + ",\"pad\":\"xxxxxxxxxx\"}")
        .collect(Collectors.joining("\n", "", "\n")));
    Files.move(staging, in.resolve("big.json"));
    kafka.createTopic("restart", 1);
    connect.createOrUpdateConnector("restart", config("restart", in, "json", ".*\\.json",
        "poll.max.records", "500"));
    connect.awaitConnectorAndTasksRunning("restart", 1, TIMEOUT);
    await().atMost(TIMEOUT).until(() -> metric("restart", 0, "records-read-total") > 20_000);

    connect.stopWorker();
    long partial = TopicReader.readAll(kafka.bootstrapServers(), "restart", Duration.ofSeconds(1)).size();
    connect.startWorker();
    connect.awaitConnectorAndTasksRunning("restart", 1, TIMEOUT);

    List<ConsumerRecord<byte[], byte[]>> records = read("restart", lines);
    assertThat(partial).isBetween(1L, (long) lines - 1);
    List<String> expected = IntStream.range(0, lines).mapToObj(i -> "{\"i\":" + i + ",\"pad\":\"xxxxxxxxxx\"}")
        .toList();
    assertThat(values(records)).isEqualTo(expected);
    await().atMost(TIMEOUT).until(() -> Files.exists(root.resolve("restart-done").resolve("big.json")));
    connect.deleteConnector("restart");
  }

  /** A task metric as the worker reports it over JMX. */
  static long metric(String connector, int task, String name) throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName pattern = new ObjectName("kafka.connect:type=plugins,connector=" + connector + ",task=" + task + ",*");
    for (ObjectName bean : server.queryNames(pattern, null)) {
      Object value = server.getAttribute(bean, name);
      if (value instanceof Number number) {
        return number.longValue();
      }
    }
    for (ObjectName bean : server.queryNames(new ObjectName("kafka.connect:*"), null)) {
      if (bean.toString().contains(connector)) {
        try {
          Object value = server.getAttribute(bean, name);
          if (value instanceof Number number) {
            return number.longValue();
          }
        } catch (javax.management.AttributeNotFoundException e) {
          // another bean of this connector
        }
      }
    }
    return -1;
  }
}

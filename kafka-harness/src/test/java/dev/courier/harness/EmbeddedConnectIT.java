/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Connect worker in distributed mode with exactly-once source support, talked to over its REST API. */
class EmbeddedConnectIT {
  private static EmbeddedKafka kafka;
  private static EmbeddedConnect connect;

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

  private static Map<String, String> connectorConfig(String topic, int count) {
    return connectorConfig(topic, count, -1);
  }

  private static Map<String, String> connectorConfig(String topic, int count, int failAt) {
    return connectorConfig(topic, count, failAt, "");
  }

  private static Map<String, String> connectorConfig(String topic, int count, int failAt, String failWhileFile) {
    return Map.of(
        "connector.class", CountingSourceConnector.class.getName(),
        "fail.while.file", failWhileFile,
        "tasks.max", "1",
        "topic", topic,
        "count", Integer.toString(count),
        "fail.at", Integer.toString(failAt),
        "exactly.once.support", "required",
        "key.converter", "org.apache.kafka.connect.storage.StringConverter",
        "value.converter", "org.apache.kafka.connect.storage.StringConverter");
  }

  private static List<String> expectedValues(int from, int to) {
    return java.util.stream.IntStream.range(from, to).mapToObj(i -> "record-" + i).toList();
  }

  private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void exactlyOnceSourceConnectorFoundByServiceLoaderWritesItsRecords() {
    kafka.createTopic("counted", 1);
    connect.createOrUpdateConnector("counter", connectorConfig("counted", 12));
    connect.awaitConnectorAndTasksRunning("counter", 1, Duration.ofSeconds(30));

    List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readExactly(kafka.bootstrapServers(), "counted", 12,
        Duration.ofSeconds(30));
    assertThat(values(records)).containsExactly("record-0", "record-1", "record-2", "record-3", "record-4",
        "record-5", "record-6", "record-7", "record-8", "record-9", "record-10", "record-11");
    ConnectorStatus status = connect.status("counter");
    assertThat(status.state()).isEqualTo("RUNNING");
    assertThat(status.tasks()).extracting(ConnectorStatus.TaskStatus::state).containsExactly("RUNNING");

    connect.deleteConnector("counter");
  }

  @Test
  void validateReportsTheErrorOnTheOffendingKey() {
    ValidationResult result = connect.validate(CountingSourceConnector.class.getName(),
        Map.of("name", "bad", "topic", "t", "count", "-3", "tasks.max", "1"));
    assertThat(result.isValid()).isFalse();
    assertThat(result.errorCount()).as("%s", result.errors()).isEqualTo(1);
    assertThat(result.errors()).containsOnlyKeys("count");
    assertThat(result.errorsFor("count")).singleElement().asString().contains("-3").contains("at least 1");

    ValidationResult valid = connect.validate(CountingSourceConnector.class.getName(),
        Map.of("name", "good", "topic", "t", "count", "3", "tasks.max", "1"));
    assertThat(valid.isValid()).as("%s", valid.errors()).isTrue();
  }

  @Test
  void awaitFailsEarlyWithTheTaskTraceAndRestartRunsTheFailedTaskAgain(@TempDir Path tmp) throws Exception {
    Path outage = Files.createFile(tmp.resolve("outage"));
    kafka.createTopic("failing", 1);
    connect.createOrUpdateConnector("failing", connectorConfig("failing", 10, 7, outage.toString()));
    // The task runs for a moment (it writes records 0-4) before it fails at record 7.
    connect.awaitStatus("failing", "its task to fail", ConnectorStatus::hasFailed, Duration.ofSeconds(30));
    long started = System.nanoTime();
    assertThatThrownBy(() -> connect.awaitConnectorAndTasksRunning("failing", 1, Duration.ofSeconds(60)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("connector 'failing' failed")
        .hasMessageContaining("task 0: FAILED")
        .hasMessageContaining("failing on purpose at record 7");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    ConnectorStatus status = connect.status("failing");
    assertThat(status.hasFailed()).isTrue();
    assertThat(status.state()).isEqualTo("RUNNING");
    assertThat(status.tasks().get(0).trace()).contains("failing on purpose at record 7");
    // The first batch (records 0-4) was committed; the batch that failed was never written.
    assertThat(values(TopicReader.readExactly(kafka.bootstrapServers(), "failing", 5, Duration.ofSeconds(30))))
        .isEqualTo(expectedValues(0, 5));

    Files.delete(outage);
    connect.restartConnector("failing", true, true);
    connect.awaitConnectorAndTasksRunning("failing", 1, Duration.ofSeconds(30));
    // Resumes from the committed offset: no record twice, none lost.
    assertThat(values(TopicReader.readExactly(kafka.bootstrapServers(), "failing", 10, Duration.ofSeconds(30))))
        .isEqualTo(expectedValues(0, 10));
    connect.deleteConnector("failing");
  }

  @Test
  void connectorsSurviveAWorkerRestartAndResumeFromTheirCommittedOffsets() {
    kafka.createTopic("resumed", 1);
    connect.createOrUpdateConnector("resumed", connectorConfig("resumed", 20));
    connect.awaitConnectorAndTasksRunning("resumed", 1, Duration.ofSeconds(30));
    TopicReader.readExactly(kafka.bootstrapServers(), "resumed", 20, Duration.ofSeconds(30));
    String restUrl = connect.restUrl();

    connect.stopWorker();
    connect.startWorker();

    assertThat(connect.restUrl()).isEqualTo(restUrl);
    connect.awaitConnectorAndTasksRunning("resumed", 1, Duration.ofSeconds(30));
    connect.createOrUpdateConnector("resumed", connectorConfig("resumed", 25));
    connect.awaitConnectorAndTasksRunning("resumed", 1, Duration.ofSeconds(30));
    assertThat(values(TopicReader.readExactly(kafka.bootstrapServers(), "resumed", 25, Duration.ofSeconds(30))))
        .isEqualTo(expectedValues(0, 25));
    connect.deleteConnector("resumed");
  }

  @Test
  void restCallsNameTheConnectorAndTheWorkersMessageWhenTheyFail() {
    assertThatThrownBy(() -> connect.status("no-such-connector")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'no-such-connector'").hasMessageContaining("HTTP 404")
        .hasMessageContaining("No status found for connector no-such-connector");
    assertThatThrownBy(() -> connect.createOrUpdateConnector("unknown-class",
        Map.of("connector.class", "com.example.NoSuchConnector")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'unknown-class'")
        .hasMessageContaining("com.example.NoSuchConnector");
  }

  @Test
  void offsetsOfAStoppedConnectorCanBeReadAlteredAndResetOverRest() {
    kafka.createTopic("offsets", 1);
    connect.createOrUpdateConnector("offsets", connectorConfig("offsets", 5));
    connect.awaitConnectorAndTasksRunning("offsets", 1, Duration.ofSeconds(30));
    TopicReader.readExactly(kafka.bootstrapServers(), "offsets", 5, Duration.ofSeconds(30));

    connect.stopConnector("offsets");
    assertThat(connect.status("offsets").state()).isEqualTo("STOPPED");
    assertThat(connect.offsets("offsets")).containsExactly(
        new ConnectorOffset(Map.of("source", "counter"), Map.of("next", 5)));

    connect.alterOffsets("offsets", List.of(new ConnectorOffset(Map.of("source", "counter"), Map.of("next", 3))));
    assertThat(connect.offsets("offsets")).containsExactly(
        new ConnectorOffset(Map.of("source", "counter"), Map.of("next", 3)));
    connect.resumeConnector("offsets");
    connect.awaitConnectorAndTasksRunning("offsets", 1, Duration.ofSeconds(30));
    // Records 3 and 4 again, as the altered offset asked.
    assertThat(values(TopicReader.readExactly(kafka.bootstrapServers(), "offsets", 7, Duration.ofSeconds(30))))
        .containsExactly("record-0", "record-1", "record-2", "record-3", "record-4", "record-3", "record-4");

    connect.stopConnector("offsets");
    connect.resetOffsets("offsets");
    assertThat(connect.offsets("offsets")).isEmpty();
    connect.deleteConnector("offsets");
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
    return Map.of(
        "connector.class", CountingSourceConnector.class.getName(),
        "tasks.max", "1",
        "topic", topic,
        "count", Integer.toString(count),
        "exactly.once.support", "required",
        "key.converter", "org.apache.kafka.connect.storage.StringConverter",
        "value.converter", "org.apache.kafka.connect.storage.StringConverter");
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
}

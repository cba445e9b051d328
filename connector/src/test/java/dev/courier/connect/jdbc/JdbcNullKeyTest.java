/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.connect.MessageClassConfig;
import dev.courier.connect.RecordText;
import static dev.courier.connect.RecordText.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.connect.FakeTaskContext;
import dev.courier.connect.FakeTaskContext.FakeClock;
import dev.courier.connect.Polled;
import dev.courier.connect.messages.Readings;
import dev.courier.runtime.NullKeyException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rows with {@code message.class} whose {@code @PartitionKey} column is NULL: a bad record with its row position,
 * handled by each {@code bad.record.policy}, as the generated producer refuses such a message; unless the type
 * declares {@code @PartitionKey(nullable = true)}, or has no key at all.
 */
class JdbcNullKeyTest {

  static final String KEYED = Readings.Keyed.class.getName();

  H2Db db;
  final List<JdbcSourceTask> tasks = new ArrayList<>();

  @BeforeEach
  void database() throws Exception {
    db = new H2Db();
    db.exec("CREATE TABLE readings (id BIGINT PRIMARY KEY, sensorId VARCHAR(20), celsius DOUBLE PRECISION NOT NULL)",
        "INSERT INTO readings VALUES (1, 's-1', 20.5), (2, NULL, 21.0), (3, 's-3', 22.0)");
  }

  @AfterEach
  void close() throws Exception {
    tasks.forEach(JdbcSourceTask::stop);
    db.close();
  }

  record Run(List<SourceRecord> records, ConnectException failure, long bad) {}

  Run read(String messageClass, String policy) throws Exception {
    Map<String, String> config = new HashMap<>(Map.of("name", "readings", "connection.url", db.url, "mode",
        "incrementing", "incrementing.column.name", "id", "table.names", "readings", "bad.record.policy",
        policy));
    config.putAll(MessageClassConfig.of(messageClass));
    if (policy.equals("dead-letter")) {
      config.put("bad.record.dead.letter.topic", "readings-dlq");
    }
    FakeTaskContext context = new FakeTaskContext(config, false);
    JdbcSourceTask task = new JdbcSourceTask(new FakeClock(0));
    tasks.add(task);
    task.initialize(context);
    task.start(config);
    Polled polled = Polled.poll(task, 20);
    return new Run(polled.records(), polled.failure(), context.metric("bad-records-total"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fail", "skip", "dead-letter"})
  void aNullKeyColumnIsABadRecordWithItsPosition(String policy) throws Exception {
    Run run = read(KEYED, policy);

    String reason = NullKeyException.reason(KEYED, "sensorId");
    switch (policy) {
      case "fail" -> {
        assertThat(run.records()).extracting(RecordText::keyText).containsExactly("s-1");
        assertThat(run.failure()).as("the task fails on the row without key").isNotNull();
        assertThat(run.failure().getMessage())
            .contains("Bad record in table PUBLIC.READINGS row at incrementing=2")
            .contains(reason)
            .contains("bad.record.policy=fail");
      }
      case "skip" -> {
        assertThat(run.failure()).isNull();
        assertThat(run.records()).extracting(RecordText::keyText).containsExactly("s-1", "s-3");
        assertThat(run.bad()).isEqualTo(1);
      }
      default -> {
        assertThat(run.failure()).isNull();
        assertThat(run.records()).extracting(SourceRecord::topic)
            .containsExactly("readings", "readings-dlq", "readings");
        SourceRecord dead = run.records().get(1);
        assertThat(header(dead, "courier.error.reason")).isEqualTo(reason);
        assertThat(header(dead, "courier.error.table")).isEqualTo("PUBLIC.READINGS");
        assertThat(dead.sourceOffset()).isEqualTo(Map.of("incrementing", 2L));
        assertThat(run.bad()).isEqualTo(1);
      }
    }
  }

  @Test
  void aKeyDeclaredNullableIsSentAsANullKey() throws Exception {
    Run run = read(Readings.NullableKey.class.getName(), "fail");

    assertThat(run.failure()).isNull();
    assertThat(run.records()).extracting(RecordText::keyText).containsExactly("s-1", null, "s-3");
    assertThat(run.bad()).isZero();
  }

  @Test
  void aTypeWithoutKeySendsNullKeys() throws Exception {
    Run run = read(Readings.Unkeyed.class.getName(), "fail");

    assertThat(run.failure()).isNull();
    assertThat(run.records()).hasSize(3).extracting(RecordText::keyText).containsOnlyNulls();
    assertThat(run.bad()).isZero();
  }
}

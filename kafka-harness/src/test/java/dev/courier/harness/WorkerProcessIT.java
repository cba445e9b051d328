/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A Connect worker in its own JVM, killed with SIGKILL mid-stream and restarted. */
@Tag("scenario")
class WorkerProcessIT {
  private static final int KILLS = 3;
  private static final int RECORDS = 60_000;
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static long endOffset(TopicPartition partition, IsolationLevel isolation) throws Exception {
    return kafka.admin().listOffsets(Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(isolation))
        .partitionResult(partition).get(30, TimeUnit.SECONDS).offset();
  }

  @Test
  void anExactlyOnceSourceKilledMidRunLosesNothingAndDuplicatesNothing() throws Exception {
    String topic = "killed-eos";
    kafka.createTopic(topic, 1);
    TopicPartition partition = new TopicPartition(topic, 0);
    Random random = new Random();
    long seed = random.nextLong();
    random.setSeed(seed);
    try (WorkerProcess worker = WorkerProcess.builder(kafka).build()) {
      worker.rest().createOrUpdateConnector("eos", Map.of(
          "connector.class", CountingSourceConnector.class.getName(),
          "tasks.max", "1",
          "topic", topic,
          "count", Integer.toString(RECORDS),
          "batch", "100",
          "exactly.once.support", "required",
          "key.converter", "org.apache.kafka.connect.storage.StringConverter",
          "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
      worker.rest().awaitConnectorAndTasksRunning("eos", 1, Duration.ofSeconds(60));

      long endAtLastKill = 0;
      for (int kill = 1; kill <= KILLS; kill++) {
        // Kill only once the task has written since it (re)started, then at a random moment within 300 ms.
        long before = endOffset(partition, IsolationLevel.READ_UNCOMMITTED);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (endOffset(partition, IsolationLevel.READ_UNCOMMITTED) < before + 500) {
          assertThat(System.nanoTime()).as("the task writes after start %d; worker log:%n%s", worker.starts(),
              worker.logTail(30)).isLessThan(deadline);
          Thread.sleep(20);
        }
        Thread.sleep(random.nextInt(300));
        worker.kill();
        endAtLastKill = endOffset(partition, IsolationLevel.READ_UNCOMMITTED);
        assertThat(worker.isAlive()).isFalse();
        worker.restart();
        worker.rest().awaitConnectorAndTasksRunning("eos", 1, Duration.ofSeconds(90));
      }

      List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readExactly(kafka.bootstrapServers(), topic, RECORDS,
          Duration.ofSeconds(120));
      long endAtFinish = endOffset(partition, IsolationLevel.READ_UNCOMMITTED);

      assertThat(worker.kills()).isEqualTo(KILLS);
      assertThat(endAtFinish).as("records were still written after the last kill (it hit a running stream)")
          .isGreaterThan(endAtLastKill);
      Set<String> seen = new HashSet<>();
      int duplicates = 0;
      for (ConsumerRecord<byte[], byte[]> record : records) {
        if (!seen.add(new String(record.value(), StandardCharsets.UTF_8))) {
          duplicates++;
        }
      }
      assertThat(duplicates).as("duplicates").isZero();
      for (int i = 0; i < RECORDS; i++) {
        assertThat(new String(records.get(i).value(), StandardCharsets.UTF_8)).as("record %d (seed %d)", i, seed)
            .isEqualTo("record-" + i);
      }
      // The log offsets beyond the committed records are aborted records and transaction markers: what the kills cut.
      System.out.printf("WorkerProcessIT: %d kills survived, %d committed records checked in order, %d duplicates,"
          + " %d log offsets of aborted records and markers (seed %d)%n", worker.kills(), records.size(), duplicates,
          endAtFinish - RECORDS, seed);
      worker.rest().deleteConnector("eos");
    }
  }

  @Test
  void aWorkerThatCannotStartFailsWithTheEndOfItsLog() {
    assertThatThrownBy(() -> WorkerProcess.builder(kafka).workerProperty("key.converter", "com.example.NoConverter")
        .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ended with status")
        .hasMessageContaining("com.example.NoConverter");
  }

  @Test
  void connectDefaultsLeaveTheTestTuningOutAndTheRootLevelQuietensTheLog() throws Exception {
    try (WorkerProcess worker = WorkerProcess.builder(kafka).connectDefaults().rootLogLevel("WARN")
        .logLevel("org.apache.kafka.common.config.AbstractConfig", "INFO").build()) {
      assertThat(worker.workerProperties())
          .containsEntry("group.id", worker.groupId())
          .containsKeys("bootstrap.servers", "key.converter", "value.converter", "listeners")
          .doesNotContainKeys("exactly.once.source.support", "offset.flush.interval.ms", "offset.storage.partitions",
              "session.timeout.ms", "producer.transaction.timeout.ms", "scheduled.rebalance.max.delay.ms");
      Properties kafkaVersion = new Properties();
      try (InputStream in = Admin.class.getResourceAsStream("/kafka/kafka-version.properties")) {
        kafkaVersion.load(in);
      }
      assertThat(worker.rest().workerVersion()).isEqualTo(kafkaVersion.getProperty("version"));
      assertThat(worker.rest().connectorPlugins()).contains(CountingSourceConnector.class.getName());
      assertThat(worker.cpuTime()).hasValueSatisfying(cpu -> assertThat(cpu).isPositive());
      String log = worker.logTail(100_000);
      assertThat(log).as("the logger set to INFO").contains("DistributedConfig values:");
      assertThat(log).as("an INFO line of another logger").doesNotContain("Kafka Connect worker initializing");
    }
  }

  @Test
  void closeStopsTheChildAndDeletesItsDirectory() throws Exception {
    WorkerProcess worker = WorkerProcess.builder(kafka).build();
    long pid = worker.pid();
    var directory = worker.logFile().getParent();
    assertThat(ProcessHandle.of(pid)).isPresent();
    worker.close();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(Files.exists(directory)).isFalse();
  }
}

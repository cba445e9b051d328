/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.connect.jdbc.JdbcSourceConnector;
import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.WorkerProcess;
import dev.courier.runtime.Outbox;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay under crashes: writers keep committing (and sometimes rolling back) outbox rows on the real
 * PostgreSQL of this machine while the JDBC source's {@code mode=outbox} relays them from a Connect worker in a JVM of
 * its own with exactly-once support, and the worker is killed with SIGKILL five times at random moments and restarted.
 * A read_committed consumer then finds every committed message exactly once and no rolled-back one, and the relay
 * leaves the table empty.
 */
@Tag("scenario")
class OutboxCrashIT {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String TOPIC = "outbox-crash";
  private static final int KILLS = 5;
  private static final int WRITERS = 3;
  private static final Duration RUNNING = Duration.ofSeconds(120);

  @Test
  void aRelayKilledFiveTimesLosesAndDuplicatesNothing() throws Exception {
    String table = "outbox_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    try (EmbeddedKafka kafka = EmbeddedKafka.start(); Connection admin = connect()) {
      exec(admin, Outbox.tableDdl("postgresql", table));
      kafka.createTopic(TOPIC, 3);
      Set<Long> committed = ConcurrentHashMap.newKeySet();
      Set<Long> rolledBack = ConcurrentHashMap.newKeySet();
      AtomicBoolean writing = new AtomicBoolean(true);
      Outbox outbox = Outbox.create(Map.of(Outbox.TABLE, table));
      OutboxTickOutbox ticks = new OutboxTickOutbox(outbox);
      List<Thread> writers = new java.util.ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        Thread thread = new Thread(() -> write(ticks, writer, writing, committed, rolledBack), "outbox-writer-" + w);
        thread.start();
        writers.add(thread);
      }

      Map<String, String> config = new HashMap<>();
      config.put("connector.class", JdbcSourceConnector.class.getName());
      config.put("tasks.max", "1");
      config.put("connection.url", URL);
      config.put("connection.user", "postgres");
      config.put("mode", "outbox");
      config.put("table.names", table);
      config.put("poll.interval.ms", "50");
      config.put("poll.max.records", "200");
      config.put("exactly.once.support", "required");
      config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
      config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
      config.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
      long started = System.nanoTime();
      try (WorkerProcess worker = WorkerProcess.builder(kafka)
          .workerProperty("exactly.once.source.support", "enabled")
          .jvmOptions(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
          .build()) {
        worker.rest().createOrUpdateConnector("outbox-relay", config);
        worker.rest().awaitConnectorAndTasksRunning("outbox-relay", 1, RUNNING);
        for (int kill = 1; kill <= KILLS; kill++) {
          // Some relaying since the (re)start, then a random moment: mid-poll, mid-transaction or mid-delete.
          long before = committedInKafka(kafka);
          long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
          while (committedInKafka(kafka) < before + 200 + random.nextInt(800)) {
            assertThat(System.nanoTime()).as("the relay progresses before kill %d; worker log:%n%s", kill,
                worker.logTail(40)).isLessThan(deadline);
            Thread.sleep(20);
          }
          Thread.sleep(random.nextInt(300));
          worker.kill();
          worker.restart();
          worker.rest().awaitConnectorAndTasksRunning("outbox-relay", 1, RUNNING);
        }
        writing.set(false);
        for (Thread thread : writers) {
          thread.join();
        }

        Map<Long, Integer> seen = readAll(kafka, committed.size(), Duration.ofSeconds(120));
        long duplicates = seen.values().stream().filter(count -> count > 1).count();
        Set<Long> missing = new HashSet<>(committed);
        missing.removeAll(seen.keySet());
        Set<Long> foreign = new HashSet<>(seen.keySet());
        foreign.removeAll(committed);
        System.out.printf("OutboxCrashIT: %d SIGKILLs, %d committed and %d rolled back messages, %d read, %d missing,"
            + " %d duplicated, %d never committed; %d s (seed %d)%n", worker.kills(), committed.size(),
            rolledBack.size(), seen.size(), missing.size(), duplicates, foreign.size(),
            (System.nanoTime() - started) / 1_000_000_000, seed);
        assertThat(worker.kills()).isEqualTo(KILLS);
        assertThat(rolledBack).as("some transactions rolled back, so the check can fail").isNotEmpty();
        assertThat(missing).as("committed messages that never arrived").isEmpty();
        assertThat(duplicates).as("messages that arrived more than once").isZero();
        assertThat(foreign).as("messages of rolled-back transactions").isEmpty();

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (rows(admin, table) > 0 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(rows(admin, table)).as("outbox rows left once everything is relayed").isZero();
        worker.rest().deleteConnector("outbox-relay");
      }
    } finally {
      try (Connection admin = connect()) {
        exec(admin, "DROP TABLE IF EXISTS " + table);
      }
    }
  }

  /** Transactions of 1 to 10 messages, one in six rolled back, until told to stop. */
  private static void write(OutboxTickOutbox ticks, int writer, AtomicBoolean writing, Set<Long> committed,
      Set<Long> rolledBack) {
    Random random = new Random(writer);
    long seq = writer * 1_000_000_000L;
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      while (writing.get()) {
        Set<Long> batch = new HashSet<>();
        int size = 1 + random.nextInt(10);
        for (int i = 0; i < size; i++) {
          ticks.write(connection, new OutboxTick(++seq, writer));
          batch.add(seq);
        }
        Thread.sleep(random.nextInt(15));
        if (random.nextInt(6) == 0) {
          connection.rollback();
          rolledBack.addAll(batch);
        } else {
          connection.commit();
          committed.addAll(batch);
        }
      }
    } catch (SQLException | InterruptedException e) {
      throw new IllegalStateException("outbox writer " + writer + " failed", e);
    }
  }

  /** Records committed in the topic: the read_committed end offsets' sum is an upper bound that is good enough here. */
  private static long committedInKafka(EmbeddedKafka kafka) throws Exception {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
      var partitions = consumer.partitionsFor(TOPIC).stream()
          .map(p -> new org.apache.kafka.common.TopicPartition(TOPIC, p.partition())).toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static Map<Long, Integer> readAll(EmbeddedKafka kafka, int expected, Duration timeout) {
    Map<Long, Integer> seen = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + timeout.toNanos();
      long quietSince = System.nanoTime();
      while (System.nanoTime() < deadline) {
        var records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<byte[], byte[]> record : records) {
          seen.merge(ByteBuffer.wrap(record.key()).getLong(), 1, Integer::sum);
        }
        if (!records.isEmpty()) {
          quietSince = System.nanoTime();
        }
        // Once every message is in, keep reading a little, so duplicates after them are counted too.
        if (seen.size() >= expected && System.nanoTime() - quietSince > Duration.ofSeconds(3).toNanos()) {
          break;
        }
      }
    }
    return seen;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(EmbeddedKafka kafka) {
    return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "outbox-crash-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static long rows(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    return DriverManager.getConnection(URL, properties);
  }

  private static void exec(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

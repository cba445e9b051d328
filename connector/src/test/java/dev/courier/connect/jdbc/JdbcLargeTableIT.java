/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import static dev.courier.connect.jdbc.JdbcIt.exec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.connect.ChildJvm;
import dev.courier.harness.EmbeddedConnect;
import dev.courier.harness.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A large table streamed with bounded memory: from PostgreSQL through a Connect worker with exactly-once support
 * (every row exactly once, in order, and the rows/s printed), and from PostgreSQL and MariaDB through the task alone
 * in a JVM with a 32 MB heap, where loading the same table with a plain query runs out of memory. The row count is {@code -Dcourier.jdbc.rows} (default
 * 200000 to keep verify short); {@code -Dcourier.jdbc.settings=key=value,...} adds connector settings to the
 * exactly-once run. The 1M-row run of the report is:
 *
 * <pre>./mvnw -B -pl connector -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 *     -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=JdbcLargeTableIT -Dcourier.jdbc.rows=1000000</pre>
 */
@Tag("scenario")
class JdbcLargeTableIT {

  private static final int ROWS = Integer.getInteger("courier.jdbc.rows", 200_000);
  private static final String HEAP = "-Xmx32m";

  static Connection db;
  static Connection maria;
  static String table;

  @BeforeAll
  static void createTable() throws Exception {
    db = JdbcIt.postgres();
    maria = JdbcIt.mariadb();
    table = JdbcIt.uniqueName("large");
    exec(maria, "CREATE TABLE " + table + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, payload VARCHAR(64) NOT NULL,"
        + " amount DECIMAL(12,2) NOT NULL, created_at DATETIME(6) NOT NULL) ENGINE=InnoDB",
        "INSERT INTO " + table + " (id, payload, amount, created_at) SELECT seq, CONCAT(MD5(seq), MD5(seq + 1)),"
            + " seq * 0.01, TIMESTAMP '2026-01-01 00:00:00' + INTERVAL seq SECOND FROM seq_1_to_" + ROWS);
    // About 100 bytes per row: an id, a 64-character text, an amount and a timestamp.
    exec(db, "CREATE TABLE " + table + " (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL, amount NUMERIC(12,2)"
        + " NOT NULL, created_at TIMESTAMPTZ NOT NULL)",
        "INSERT INTO " + table + " (payload, amount, created_at) SELECT md5(g::text) || md5((g + 1)::text),"
            + " g * 0.01, TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '1 second'"
            + " FROM generate_series(1, " + ROWS + ") g",
        "ANALYZE " + table);
  }

  @AfterAll
  static void dropTable() throws Exception {
    if (db != null) {
      exec(db, "DROP TABLE IF EXISTS " + table);
      db.close();
    }
    if (maria != null) {
      exec(maria, "DROP TABLE IF EXISTS " + table);
      maria.close();
    }
  }

  @Test
  void everyRowIsDeliveredExactlyOnceThroughAnExactlyOnceWorker() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(); EmbeddedConnect connect = EmbeddedConnect.start(kafka)) {
      kafka.createTopic(table, 1);
      Map<String, String> config = JdbcIt.config(JdbcIt.POSTGRES_URL, "postgres", table, "table.names", table,
          "mode", "incrementing", "incrementing.column.name", "id", "key.field", "id",
          "producer.override.linger.ms", "20", "producer.override.batch.size", "262144");
      for (String setting : System.getProperty("courier.jdbc.settings", "").split(",")) {
        if (setting.contains("=")) {
          config.put(setting.substring(0, setting.indexOf('=')).trim(), setting.substring(setting.indexOf('=') + 1));
        }
      }
      long start = System.nanoTime();
      connect.createOrUpdateConnector(table, config);
      BitSet seen = new BitSet(ROWS + 1);
      long[] lastArrival = new long[1];
      long count = consume(kafka.bootstrapServers(), table, seen, lastArrival);
      double seconds = (lastArrival[0] - start) / 1e9;
      System.out.printf("JDBC source, PostgreSQL, %d rows (about 100 bytes), exactly-once, one task, linger.ms=20,"
          + " batch.size=262144 %s: committed in %.2f s = %.0f rows/s%n", ROWS,
          System.getProperty("courier.jdbc.settings", ""), seconds, ROWS / seconds);
      assertThat(count).isEqualTo(ROWS);
      assertThat(seen.cardinality()).isEqualTo(ROWS);
      assertThat(seen.nextSetBit(0)).isEqualTo(1);
      assertThat(seen.length()).isEqualTo(ROWS + 1);
      connect.deleteConnector(table);
    }
  }

  /**
   * Counts committed records until ROWS arrived and 2 s pass without more; ids must come in order. Sets
   * {@code lastArrival[0]} to the nanoTime the ROWS-th record was read.
   */
  private static long consume(String bootstrap, String topic, BitSet seen, long[] lastArrival) {
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.CLIENT_ID_CONFIG, "large-" + UUID.randomUUID(), ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    long count = 0;
    long last = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      long quietUntil = Long.MAX_VALUE;
      while (System.nanoTime() < deadline && System.nanoTime() < quietUntil) {
        boolean any = false;
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          long id = Long.parseLong(new String(record.key(), StandardCharsets.UTF_8));
          assertThat(id).as("ids arrive in order, each once").isEqualTo(last + 1);
          last = id;
          seen.set((int) id);
          count++;
          any = true;
        }
        if (any && count >= ROWS && quietUntil == Long.MAX_VALUE) {
          lastArrival[0] = System.nanoTime();
          quietUntil = lastArrival[0] + TimeUnit.SECONDS.toNanos(2);
        }
      }
    }
    return count;
  }

  @Test
  void theTaskStreamsAPostgresTableInASmallFixedHeapWhereLoadingItFails() throws Exception {
    streamsInFixedHeap(JdbcIt.POSTGRES_URL, "postgres");
  }

  @Test
  void theTaskStreamsAMariaDbTableInASmallFixedHeapWhereLoadingItFails() throws Exception {
    streamsInFixedHeap(JdbcIt.MARIADB_URL, "root");
  }

  private static void streamsInFixedHeap(String url, String user) throws Exception {
    ChildJvm.Result streamed = child("task", url, user);
    assertThat(streamed.exit()).as("streaming %d rows with %s:%n%s", ROWS, HEAP, streamed.output()).isZero();
    assertThat(streamed.output()).contains("read=" + ROWS);
    ChildJvm.Result loaded = child("whole", url, user);
    assertThat(loaded.exit()).as("loading the whole table with %s must fail, or the heap proves nothing:%n%s", HEAP,
        loaded.output()).isNotZero();
    assertThat(loaded.output()).contains("OutOfMemoryError");
  }

  private static ChildJvm.Result child(String how, String url, String user) throws Exception {
    Path log = Files.createTempFile("jdbc-heap-" + how, ".log");
    try {
      return ChildJvm.run(HEAP, 0, Duration.ofMinutes(5), log, StreamingHeapCheck.class, how, url, user, table,
          Integer.toString(ROWS));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.connect.messages.OutboxBenchRow;
import dev.courier.connect.messages.OutboxBenchRowOutbox;
import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.WorkerProcess;
import dev.courier.runtime.Outbox;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The outbox on PostgreSQL, measured, not asserted: (1) relay throughput of {@code mode=outbox} against the JDBC
 * source's plain {@code mode=incrementing} on the same rows (the outbox table itself, read as columns with
 * JsonConverter), both with exactly-once support, on a Connect worker in a JVM of its own, rounds interleaved, rates
 * from the first record read to the last (read_committed); (2) the cost of writing one outbox message in an
 * application transaction, against the same transaction without it, interleaved. Prints the rates and the ratios.
 * Not part of verify; run it with:
 *
 * <pre>./mvnw -B -pl connector -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 *     -Dit.test=OutboxRelayBenchmarkIT -Dbenchmark.excludedGroups=none</pre>
 */
@Tag("benchmark")
class OutboxRelayBenchmarkIT {
  private static final int ROWS = Integer.getInteger("outbox.bench.rows", 200_000);
  private static final int ROUNDS = 3;
  private static final int TRANSACTIONS = 3_000;

  @Test
  void relayAndWriteCost() throws Exception {
    String table = "outbox_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String ledger = table + "_ledger";
    try (Connection db = JdbcIt.postgres()) {
      exec(db, Outbox.tableDdl("postgresql", table), "CREATE TABLE " + ledger + " (entry VARCHAR(64) NOT NULL)");
      try {
        fill(db, table);
        writeCost(db, table, ledger);
        relay(table);
      } finally {
        exec(db, "DROP TABLE IF EXISTS " + table, "DROP TABLE IF EXISTS " + ledger);
      }
    }
  }

  private static void fill(Connection db, String table) throws SQLException {
    OutboxBenchRowOutbox writer = new OutboxBenchRowOutbox(Outbox.create(Map.of(Outbox.TABLE, table)));
    db.setAutoCommit(false);
    for (int i = 0; i < ROWS; i++) {
      writer.write(db, row(i));
      if (i % 1000 == 999) {
        db.commit();
      }
    }
    db.commit();
    db.setAutoCommit(true);
  }

  private static OutboxBenchRow row(int i) {
    return new OutboxBenchRow("order-" + i, "customer-" + (i % 10_000), 1000L + i, "EUR", "trace-" + i,
        Instant.parse("2026-06-01T00:00:00Z").plusMillis(i));
  }

  /** Transactions of one ledger insert, with and without an outbox message, interleaved. */
  private static void writeCost(Connection db, String table, String ledger) throws Exception {
    OutboxBenchRowOutbox writer = new OutboxBenchRowOutbox(Outbox.create(Map.of(Outbox.TABLE, table + "_cost")));
    exec(db, Outbox.tableDdl("postgresql", table + "_cost"));
    try {
      db.setAutoCommit(false);
      List<Double> ratios = new ArrayList<>();
      for (int round = 0; round <= ROUNDS; round++) {
        double without = transactions(db, ledger, null, round);
        double with = transactions(db, ledger, writer, round);
        if (round > 0) { // round 0 warms up
          ratios.add(with / without);
          System.out.printf(Locale.ROOT, "write cost round %d: %.0f tx/s without the outbox, %.0f tx/s with it,"
              + " ratio %.2f%n", round, without, with, with / without);
        }
      }
      db.setAutoCommit(true);
      System.out.printf(Locale.ROOT, "write cost: transactions with an outbox message / without, per round %s%n",
          ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList());
    } finally {
      db.setAutoCommit(true);
      exec(db, "DROP TABLE IF EXISTS " + table + "_cost");
    }
  }

  private static double transactions(Connection db, String ledger, OutboxBenchRowOutbox writer, int round)
      throws SQLException {
    long started = System.nanoTime();
    try (var insert = db.prepareStatement("INSERT INTO " + ledger + " (entry) VALUES (?)")) {
      for (int t = 0; t < TRANSACTIONS; t++) {
        insert.setString(1, "r" + round + "-" + t);
        insert.executeUpdate();
        if (writer != null) {
          writer.write(db, row(t));
        }
        db.commit();
      }
    }
    return TRANSACTIONS / ((System.nanoTime() - started) / 1e9);
  }

  private static void relay(String table) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start();
        WorkerProcess worker = WorkerProcess.builder(kafka)
            .workerProperty("exactly.once.source.support", "enabled")
            .jvmOptions(List.of("-Xmx1g"))
            .build()) {
      kafka.createTopic("outbox-bench", 3);
      Map<String, List<Double>> rates = new HashMap<>();
      for (int round = 0; round <= ROUNDS; round++) {
        for (String mode : List.of("outbox", "incrementing")) {
          String topic = mode.equals("outbox") ? "outbox-bench" : "incrementing-bench-" + round;
          if (!mode.equals("outbox")) {
            kafka.createTopic(topic, 3);
          }
          double rate = relayOnce(kafka, worker, table, mode, topic, "bench-" + mode + "-" + round);
          System.out.printf(Locale.ROOT, "relay round %d, mode=%s: %.0f records/s%n", round, mode, rate);
          if (round > 0) { // round 0 warms up
            rates.computeIfAbsent(mode, m -> new ArrayList<>()).add(rate);
          }
        }
      }
      List<Double> outbox = rates.get("outbox");
      List<Double> incrementing = rates.get("incrementing");
      List<String> ratios = new ArrayList<>();
      for (int i = 0; i < outbox.size(); i++) {
        ratios.add(String.format(Locale.ROOT, "%.2f", outbox.get(i) / incrementing.get(i)));
      }
      System.out.printf(Locale.ROOT, "relay: mode=outbox / mode=incrementing, per round %s (%d rows, exactly-once)%n",
          ratios, ROWS);
    }
  }

  private static double relayOnce(EmbeddedKafka kafka, WorkerProcess worker, String table, String mode,
      String topic, String name) throws Exception {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", JdbcSourceConnector.class.getName());
    config.put("tasks.max", "1");
    config.put("connection.url", JdbcIt.POSTGRES_URL);
    config.put("connection.user", "postgres");
    config.put("table.names", table);
    config.put("poll.interval.ms", "100");
    config.put("exactly.once.support", "required");
    config.put("producer.override.linger.ms", "20");
    config.put("producer.override.batch.size", "262144");
    if (mode.equals("outbox")) {
      config.put("mode", "outbox");
      config.put("outbox.cleanup", "keep"); // every round reads the same rows
      config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
      config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
      config.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    } else {
      config.put("mode", "incrementing");
      config.put("incrementing.column.name", "id");
      config.put("topic", topic);
      config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
      config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
      config.put("value.converter.schemas.enable", "false");
    }
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      worker.rest().createOrUpdateConnector(name, config);
      long first = 0;
      long last = 0;
      long read = 0;
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (read < ROWS && System.nanoTime() < deadline) {
        int count = consumer.poll(Duration.ofMillis(100)).count();
        if (count > 0) {
          last = System.nanoTime();
          if (first == 0) {
            first = last;
          }
          read += count;
        }
      }
      worker.rest().deleteConnector(name);
      if (read < ROWS) {
        throw new IllegalStateException(name + " relayed " + read + " of " + ROWS + " rows; worker log:\n"
            + worker.logTail(40));
      }
      return ROWS / Math.max(1e-3, (last - first) / 1e9);
    }
  }

  private static void exec(Connection db, String... sql) throws SQLException {
    try (Statement statement = db.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }
}

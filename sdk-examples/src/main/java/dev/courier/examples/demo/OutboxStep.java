/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.demo;

import dev.courier.examples.orders.OrderPlaced;
import dev.courier.examples.orders.OrderPlacedDeserializer;
import dev.courier.examples.orders.OrderPlacedOutbox;
import dev.courier.examples.orders.OrderPlacedProducer;
import dev.courier.examples.orders.OrderPlacedSerializer;
import dev.courier.harness.EmbeddedConnect;
import dev.courier.runtime.Outbox;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The demo's transactional outbox step: orders written with {@code OrderPlacedOutbox} in transactions of an
 * in-memory H2 database in the demo's JVM (so the demo needs nothing installed), one transaction rolled back, and the
 * JDBC source's {@code mode=outbox} relaying the committed rows to topic {@code orders} with exactly-once support.
 * Checks that every committed order arrived once, no rolled-back one did, each with the value bytes its generated
 * serializer writes, and that the relay deleted the relayed rows.
 */
final class OutboxStep {
  /** The connector's name. */
  static final String CONNECTOR = "orders-outbox-demo";
  private static final String URL = "jdbc:h2:mem:courier-demo-outbox;DB_CLOSE_DELAY=-1";
  private static final int TRANSACTIONS = 4;
  private static final int PER_TRANSACTION = 5;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final PrintStream out;
  private final DemoReport report;
  private final List<String> problems = new ArrayList<>();

  OutboxStep(PrintStream out, DemoReport report) {
    this.out = out;
    this.report = report;
  }

  /**
   * Runs the step.
   *
   * @param bootstrap the cluster
   * @param connect the worker
   * @param partitions topic {@code orders}' partition count
   * @return what failed; empty when every check passed
   */
  List<String> run(String bootstrap, EmbeddedConnect connect, int partitions) {
    out.printf("4. Transactional outbox: %d transactions of %d orders written to an H2 table with OrderPlacedOutbox,"
        + " one rolled back, relayed by the JDBC source (mode=outbox)%n", TRANSACTIONS, PER_TRANSACTION);
    List<OrderPlaced> orders = Demo.sampleLines(TRANSACTIONS * PER_TRANSACTION).stream()
        .map(line -> new OrderPlacedDeserializer().deserialize(OrderPlacedProducer.TOPIC,
            line.getBytes(StandardCharsets.UTF_8)))
        .toList();
    try (Connection db = DriverManager.getConnection(URL);
        KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
      try (Statement statement = db.createStatement()) {
        statement.execute(Outbox.tableDdl("h2", Outbox.DEFAULT_TABLE));
      }
      DemoRun.readFromEnd(consumer, OrderPlacedProducer.TOPIC, partitions); // only what this step relays

      Set<String> committed = new LinkedHashSet<>();
      Set<String> rolledBack = new LinkedHashSet<>();
      OrderPlacedOutbox outbox = new OrderPlacedOutbox(Outbox.create());
      db.setAutoCommit(false);
      for (int t = 0; t < TRANSACTIONS; t++) {
        List<OrderPlaced> batch = orders.subList(t * PER_TRANSACTION, (t + 1) * PER_TRANSACTION);
        for (OrderPlaced order : batch) {
          outbox.write(db, order);
        }
        Set<String> keys = batch.stream().map(OrderPlaced::orderId).collect(Collectors.toSet());
        if (t == 2) {
          db.rollback();
          rolledBack.addAll(keys);
        } else {
          db.commit();
          committed.addAll(keys);
        }
      }
      db.setAutoCommit(true);
      connect.createOrUpdateConnector(CONNECTOR, connectorConfig());
      List<ConsumerRecord<byte[], byte[]>> records = read(consumer, committed.size());
      check(records, orders, committed, rolledBack);
      long left = waitForCleanup(db);
      verify(left == 0, "relayed rows deleted from courier_outbox once committed in Kafka: " + left + " left");
      connect.deleteConnector(CONNECTOR);
      try (Statement statement = db.createStatement()) {
        statement.execute("SHUTDOWN");
      }
    } catch (SQLException e) {
      throw new DemoException("the outbox step's H2 database failed: " + e.getMessage(), e);
    }
    out.println();
    return problems;
  }

  private void check(List<ConsumerRecord<byte[], byte[]>> records, List<OrderPlaced> orders, Set<String> committed,
      Set<String> rolledBack) {
    Map<String, Long> counts = records.stream().collect(Collectors.groupingBy(
        r -> new String(r.key(), StandardCharsets.UTF_8), LinkedHashMap::new, Collectors.counting()));
    verify(counts.keySet().equals(committed) && counts.values().stream().allMatch(c -> c == 1),
        String.format("each of the %d committed orders relayed exactly once (%d records, %d keys)", committed.size(),
            records.size(), counts.size()));
    long leaked = counts.keySet().stream().filter(rolledBack::contains).count();
    verify(leaked == 0, "orders of the rolled-back transaction relayed: " + leaked + " of " + rolledBack.size());
    OrderPlacedSerializer serializer = new OrderPlacedSerializer();
    Map<String, OrderPlaced> byKey = orders.stream().collect(Collectors.toMap(OrderPlaced::orderId, o -> o));
    long same = records.stream().filter(r -> {
      OrderPlaced order = byKey.get(new String(r.key(), StandardCharsets.UTF_8));
      return order != null && Arrays.equals(r.value(), serializer.serialize(OrderPlacedProducer.TOPIC, order))
          && r.timestamp() == order.placedAt().toEpochMilli();
    }).count();
    verify(same == records.size(), same + " of " + records.size() + " relayed records with the value bytes and"
        + " timestamp OrderPlacedProducer would send");
  }

  private void verify(boolean ok, String what) {
    report.check(ok, what);
    if (!ok) {
      problems.add(what);
    }
  }

  private static long waitForCleanup(Connection db) throws SQLException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    long left;
    do {
      try (Statement statement = db.createStatement();
          ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM courier_outbox")) {
        rs.next();
        left = rs.getLong(1);
      }
      if (left > 0) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return left;
        }
      }
    } while (left > 0 && System.nanoTime() < deadline);
    return left;
  }

  private static List<ConsumerRecord<byte[], byte[]>> read(KafkaConsumer<byte[], byte[]> consumer, int count) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (records.size() < count && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(100)).forEach(records::add);
    }
    // A moment more, so a duplicate or a rolled-back order would be read too.
    long settle = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    while (System.nanoTime() < settle) {
      consumer.poll(Duration.ofMillis(100)).forEach(records::add);
    }
    return records;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  private static Map<String, String> connectorConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", "dev.courier.connect.jdbc.JdbcSourceConnector");
    config.put("tasks.max", "1");
    config.put("connection.url", URL);
    config.put("mode", "outbox");
    config.put("table.names", Outbox.DEFAULT_TABLE);
    config.put("poll.interval.ms", "100");
    config.put("exactly.once.support", "required");
    config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    return config;
  }
}

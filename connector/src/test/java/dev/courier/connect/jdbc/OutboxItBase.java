/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import static dev.courier.connect.jdbc.JdbcIt.exec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.connect.messages.OutboxOrder;
import dev.courier.connect.messages.OutboxOrderOutbox;
import dev.courier.connect.messages.OutboxPayment;
import dev.courier.connect.messages.OutboxPaymentOutbox;
import dev.courier.connect.messages.OutboxShipment;
import dev.courier.connect.messages.OutboxShipmentOutbox;
import dev.courier.connect.messages.OutboxShipmentProducer;
import dev.courier.harness.ValidationResult;
import dev.courier.runtime.Outbox;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox end to end on a real database: generated outbox writers in application transactions (some
 * rolled back, committing out of order), the JDBC source's {@code mode=outbox} on an exactly-once worker, and
 * read_committed consumers. The table comes from the DDL courier-config ships for the database.
 */
abstract class OutboxItBase extends JdbcSourceItBase {
  private static final int WRITERS = 6;
  private static final int TRANSACTIONS_PER_WRITER = 40;
  /**
   * Writers go on past {@link #TRANSACTIONS_PER_WRITER} until the table is seen to shrink while they write (the relay
   * deleting what it relayed), at most this many transactions: a machine on which the relay's lag outlasts the first
   * 40 transactions still sees the table stay bounded, and a relay that never deletes fails the check.
   */
  private static final int MAX_TRANSACTIONS_PER_WRITER = 3_000;

  /**
   * The shipped DDL for this database, {@code META-INF/courier/outbox/<name>.sql}.
   *
   * @return {@code postgresql}, {@code mariadb} or {@code h2}
   */
  abstract String ddlName();

  /**
   * Whether the relay keeps up while writers write without pause, so the table is seen to shrink during the writes.
   *
   * @return {@code true} unless the database's commit barrier cannot tell one writer's transactions apart
   */
  boolean relaysWhileWriting() {
    return true;
  }

  /** The connector config of the relay. */
  abstract Map<String, String> relay(String table);

  /** Creates an outbox table from the shipped DDL, under a unique name dropped after the class. */
  String outboxTable() throws Exception {
    // The shipped CREATE TABLE's column list (between its first and last parenthesis), under a unique name.
    String statement = Outbox.tableDdl(ddlName(), Outbox.DEFAULT_TABLE);
    return table("outbox", statement.substring(statement.indexOf('(') + 1, statement.lastIndexOf(')')).strip());
  }

  Map<String, String> relayConfig(String url, String user, String table) {
    Map<String, String> config = new HashMap<>();
    config.put("name", "relay-" + table);
    config.put("connector.class", JdbcSourceConnector.class.getName());
    config.put("tasks.max", "1");
    config.put("connection.url", url);
    config.put("connection.user", user);
    config.put("mode", "outbox");
    config.put("table.names", table);
    config.put("poll.interval.ms", "100");
    config.put("exactly.once.support", "required");
    config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    return config;
  }

  @Test
  void everyCommittedMessageArrivesOnceNoRolledBackOneDoesAndTheTableEmpties() throws Exception {
    String outbox = outboxTable();
    String business = table("ledger", "entry VARCHAR(64) NOT NULL");
    kafka.createTopic("outbox-orders", 3);
    kafka.createTopic("outbox-payments", 3);
    connect.createOrUpdateConnector("relay-" + outbox, relay(outbox));
    connect.awaitConnectorAndTasksRunning("relay-" + outbox, 1, TIMEOUT);

    Outbox writer = Outbox.create(Map.of(Outbox.TABLE, outbox));
    OutboxOrderOutbox orders = new OutboxOrderOutbox(writer);
    OutboxPaymentOutbox payments = new OutboxPaymentOutbox(writer);
    Set<String> committedOrders = ConcurrentHashMap.newKeySet();
    Set<String> committedPayments = ConcurrentHashMap.newKeySet();
    Set<String> rolledBack = ConcurrentHashMap.newKeySet();
    List<Long> tableSizes = new ArrayList<>();
    AtomicBoolean shrank = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writerIndex = w;
      writers.add(pool.submit(() -> {
        Random random = new Random(writerIndex);
        try (Connection connection = open()) {
          connection.setAutoCommit(false);
          for (int t = 0; t < TRANSACTIONS_PER_WRITER
              || relaysWhileWriting() && !shrank.get() && t < MAX_TRANSACTIONS_PER_WRITER; t++) {
            String id = writerIndex + "-" + t;
            exec(connection, "INSERT INTO " + business + " (entry) VALUES ('" + id + "')");
            orders.write(connection, new OutboxOrder("o-" + id, 100L * t, "trace-" + id,
                Instant.parse("2026-06-01T00:00:00Z").plusSeconds(t)));
            long paymentId = writerIndex * 1_000_000L + t;
            payments.write(connection, new OutboxPayment(paymentId, t % 2 == 0 ? "card" : "transfer"));
            // Held open for a while, so transactions that took lower ids commit after ones with higher ids.
            Thread.sleep(random.nextInt(40));
            if (random.nextInt(5) == 0) {
              connection.rollback();
              rolledBack.add("o-" + id);
              rolledBack.add(Long.toString(paymentId));
            } else {
              connection.commit();
              committedOrders.add("o-" + id);
              committedPayments.add(Long.toString(paymentId));
            }
          }
        }
        return null;
      }));
    }
    while (!writers.stream().allMatch(Future::isDone)) {
      long size = count(outbox);
      if (!tableSizes.isEmpty() && size < tableSizes.stream().mapToLong(Long::longValue).max().getAsLong()) {
        shrank.set(true);
      }
      tableSizes.add(size);
      Thread.sleep(200);
    }
    for (Future<?> done : writers) {
      done.get();
    }
    pool.shutdown();

    List<ConsumerRecord<byte[], byte[]>> orderRecords = read("outbox-orders", committedOrders.size());
    List<ConsumerRecord<byte[], byte[]>> paymentRecords = read("outbox-payments", committedPayments.size());
    List<String> orderKeys = orderRecords.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
    assertThat(orderKeys).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(committedOrders);
    assertThat(orderKeys).doesNotContainAnyElementsOf(rolledBack);
    List<String> paymentKeys = paymentRecords.stream()
        .map(r -> Long.toString(java.nio.ByteBuffer.wrap(r.key()).getLong())).toList();
    assertThat(paymentKeys).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(committedPayments);
    assertThat(rolledBack).as("some transactions rolled back, so the test can fail").isNotEmpty();

    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (count(outbox) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(count(outbox)).as("rows left in the outbox once everything is relayed").isZero();
    long written = 2L * (committedOrders.size());
    if (relaysWhileWriting()) {
      assertThat(shrank).as("the outbox shrank while %d rows were written, as the relay deleted what it relayed"
          + " (sizes seen: %s)", written, tableSizes).isTrue();
      assertThat(tableSizes.stream().mapToLong(Long::longValue).max().orElse(0))
          .as("the outbox's largest size while %d rows were written (sizes seen: %s)", written, tableSizes)
          .isLessThan(written);
    }
    connect.deleteConnector("relay-" + outbox);
  }

  @Test
  void aRelayedRecordIsTheRecordTheProducerSends() throws Exception {
    String outbox = outboxTable();
    kafka.createTopic("outbox-shipments", 4);
    List<OutboxShipment> shipments = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      shipments.add(new OutboxShipment("s-" + i, i % 2 == 0 ? "dhl" : "ups", i % 3 == 0 ? null : "eu-" + i,
          List.of("p-" + i, "p-" + (i + 1)), i % 4 == 0 ? Optional.empty() : Optional.of("note ü " + i),
          Instant.parse("2026-06-01T00:00:00.123Z").plusMillis(i * 1001L)));
    }
    try (OutboxShipmentProducer producer = OutboxShipmentProducer.create(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      shipments.forEach(producer::send);
      producer.flush();
    }
    OutboxShipmentOutbox writer = new OutboxShipmentOutbox(Outbox.create(Map.of(Outbox.TABLE, outbox)));
    try (Connection connection = open()) {
      connection.setAutoCommit(false);
      for (OutboxShipment shipment : shipments) {
        writer.write(connection, shipment);
      }
      connection.commit();
    }
    connect.createOrUpdateConnector("relay-" + outbox, relay(outbox));
    List<ConsumerRecord<byte[], byte[]>> all = read("outbox-shipments", 2 * shipments.size());
    connect.deleteConnector("relay-" + outbox);

    Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey = all.stream().collect(Collectors.groupingBy(
        r -> new String(r.key(), StandardCharsets.UTF_8)));
    assertThat(byKey).hasSize(shipments.size());
    assertThat(all.stream().map(ConsumerRecord::partition).distinct().count())
        .as("the keys spread over partitions, so 'same partition' is not trivially true").isGreaterThan(1);
    for (List<ConsumerRecord<byte[], byte[]>> pair : byKey.values()) {
      assertThat(pair).hasSize(2);
      ConsumerRecord<byte[], byte[]> direct = pair.get(0);
      ConsumerRecord<byte[], byte[]> relayed = pair.get(1);
      assertThat(relayed.topic()).isEqualTo(direct.topic());
      assertThat(relayed.partition()).isEqualTo(direct.partition());
      assertThat(relayed.key()).isEqualTo(direct.key());
      assertThat(relayed.value()).isEqualTo(direct.value());
      assertThat(relayed.timestamp()).isEqualTo(direct.timestamp());
      assertThat(headers(relayed)).isEqualTo(headers(direct));
    }
  }

  @Test
  void validateRefusesATableThatIsNotAnOutboxAndKeysTheRowsDecide() throws Exception {
    String notOutbox = table("plain", "id BIGINT NOT NULL PRIMARY KEY, topic VARCHAR(100), message_value INTEGER");
    Map<String, String> config = relay(notOutbox);
    config.put("topic", "somewhere");
    ValidationResult result = connect.validate(JdbcSourceConnector.class.getName(), config);

    assertThat(result.errors().get("table.names")).singleElement().asString()
        .contains("is not a Courier outbox table")
        .contains("it has no column message_key")
        .contains("column message_value is")
        .contains("META-INF/courier/outbox/");
    assertThat(result.errors().get("topic")).singleElement().asString().contains("is not used by mode=outbox");

    assertThat(connect.validate(JdbcSourceConnector.class.getName(), relay(outboxTable())).errors()).isEmpty();
  }

  long count(String table) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> headers(ConsumerRecord<byte[], byte[]> record) {
    List<String> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(header.key() + "=" + (header.value() == null ? "null"
          : new String(header.value(), StandardCharsets.UTF_8)));
    }
    return headers;
  }
}

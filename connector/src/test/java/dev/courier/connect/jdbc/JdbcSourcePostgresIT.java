/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import static dev.courier.connect.jdbc.JdbcIt.assertWritesAreRefused;
import static dev.courier.connect.jdbc.JdbcIt.exec;
import static dev.courier.connect.jdbc.JdbcIt.json;
import static dev.courier.connect.jdbc.JdbcIt.key;
import static dev.courier.connect.jdbc.JdbcIt.longs;
import static dev.courier.connect.jdbc.JdbcIt.metric;
import static dev.courier.connect.jdbc.JdbcIt.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.courier.harness.TopicReader;
import dev.courier.harness.ValidationResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The JDBC source on the real PostgreSQL of this machine, with the broker, the worker and the read_committed reader
 * of {@link JdbcSourceItBase}. Each test creates its own uniquely named tables, dropped after the class.
 */
class JdbcSourcePostgresIT extends PostgresItBase {

  @Test
  void incrementingAndTimestampModesDeliverNewAndUpdatedRowsInOrder() throws Exception {
    String inc = table("inc", "id BIGSERIAL PRIMARY KEY, item TEXT NOT NULL");
    String ts = table("ts", "id BIGSERIAL PRIMARY KEY, updated_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),"
        + " item TEXT NOT NULL");
    exec(db, "INSERT INTO " + inc + " (item) SELECT 'item-' || g FROM generate_series(1, 5) g",
        "INSERT INTO " + ts + " (item) SELECT 'row-' || g FROM generate_series(1, 5) g");
    kafka.createTopic(inc, 1);
    kafka.createTopic(ts, 1);
    connect.createOrUpdateConnector(inc, pg(inc, "table.names", inc, "mode", "incrementing",
        "incrementing.column.name", "id", "key.field", "id"));
    connect.createOrUpdateConnector(ts, pg(ts, "table.names", ts, "mode", "timestamp+incrementing",
        "incrementing.column.name", "id", "timestamp.column.name", "updated_at", "timestamp.lag.ms", "200",
        "transaction.boundary", "connector"));
    connect.awaitConnectorAndTasksRunning(inc, 1, TIMEOUT);
    connect.awaitConnectorAndTasksRunning(ts, 1, TIMEOUT);

    List<ConsumerRecord<byte[], byte[]>> incRecords = read(inc, 5);
    assertThat(longs(incRecords, "id")).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(incRecords).extracting(JdbcIt::key).containsExactly("1", "2", "3", "4", "5");
    assertThat(texts(incRecords, "item")).containsExactly("item-1", "item-2", "item-3", "item-4", "item-5");
    assertThat(texts(read(ts, 5), "item")).containsExactly("row-1", "row-2", "row-3", "row-4", "row-5");

    exec(db, "INSERT INTO " + inc + " (item) VALUES ('item-6')",
        "UPDATE " + inc + " SET item = 'changed' WHERE id = 1",
        "UPDATE " + ts + " SET item = 'row-2 again', updated_at = clock_timestamp() WHERE id = 2",
        "INSERT INTO " + ts + " (item) VALUES ('row-6')");
    assertThat(texts(read(inc, 6), "item")).as("incrementing mode does not see updates").last().isEqualTo("item-6");
    List<ConsumerRecord<byte[], byte[]>> tsRecords = read(ts, 7);
    assertThat(texts(tsRecords, "item").subList(5, 7)).containsExactly("row-2 again", "row-6");
    assertThat(json(tsRecords.get(5)).get("updated_at").asText()).endsWith("Z");
    connect.deleteConnector(inc);
    connect.deleteConnector(ts);
  }

  @Test
  void bulkModeDeliversWholeSnapshotsAsTransactions() throws Exception {
    String name = table("bulk", "code TEXT PRIMARY KEY, amount NUMERIC(10, 2)");
    exec(db, "INSERT INTO " + name + " VALUES ('a', 1.50), ('b', NULL), ('c', 3)");
    kafka.createTopic(name, 1);
    connect.createOrUpdateConnector(name, pg(name, "table.names", name, "mode", "bulk",
        "transaction.boundary", "connector", "poll.interval.ms", "600000"));
    connect.awaitConnectorAndTasksRunning(name, 1, TIMEOUT);
    List<ConsumerRecord<byte[], byte[]>> records = read(name, 3);
    assertThat(texts(records, "code")).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(records.stream().map(r -> json(r).get("amount").toString()).toList())
        .containsExactlyInAnyOrder("1.50", "null", "3.00");
    connect.deleteConnector(name);
  }

  @Test
  void rowsOfTransactionsThatCommitOutOfOrderAreAllDeliveredInIncrementingMode() throws Exception {
    String name = table("ooo", "id BIGSERIAL PRIMARY KEY, v TEXT NOT NULL");
    kafka.createTopic(name, 1);
    connect.createOrUpdateConnector(name, pg(name, "table.names", name, "mode", "incrementing",
        "incrementing.column.name", "id"));
    connect.awaitConnectorAndTasksRunning(name, 1, TIMEOUT);
    try (Connection slow = JdbcIt.postgres(); Connection fast = JdbcIt.postgres()) {
      slow.setAutoCommit(false);
      exec(slow, "INSERT INTO " + name + " (v) VALUES ('slow')"); // id 1, held open
      exec(fast, "INSERT INTO " + name + " (v) VALUES ('fast')"); // id 2, committed
      // The task has seen id 2 (it is the newest value it read) and holds it back for the open transaction.
      await().atMost(TIMEOUT).until(() -> metric(name, 0, "incrementing-lag") == 2
          && metric(name, 0, "barrier-wait-ms") >= 1000);
      assertThat(TopicReader.readAll(kafka.bootstrapServers(), name, Duration.ofMillis(500))).isEmpty();
      slow.commit();
    }
    List<ConsumerRecord<byte[], byte[]>> records = read(name, 2);
    assertThat(texts(records, "v")).containsExactly("slow", "fast");
    connect.deleteConnector(name);
  }

  @Test
  void rowsOfTransactionsThatCommitOutOfOrderAreAllDeliveredInTimestampMode() throws Exception {
    String name = table("ooots", "id BIGSERIAL PRIMARY KEY, updated_at TIMESTAMP NOT NULL DEFAULT"
        + " clock_timestamp(), v TEXT NOT NULL");
    kafka.createTopic(name, 1);
    connect.createOrUpdateConnector(name, pg(name, "table.names", name, "mode", "timestamp+incrementing",
        "incrementing.column.name", "id", "timestamp.column.name", "updated_at", "timestamp.lag.ms", "300",
        "db.timezone", "UTC"));
    connect.awaitConnectorAndTasksRunning(name, 1, TIMEOUT);
    try (Connection slow = JdbcIt.postgres(); Connection fast = JdbcIt.postgres()) {
      exec(slow, "SET TIME ZONE 'UTC'");
      exec(fast, "SET TIME ZONE 'UTC'");
      slow.setAutoCommit(false);
      exec(slow, "INSERT INTO " + name + " (v) VALUES ('slow')"); // the earlier timestamp, held open
      Thread.sleep(20);
      exec(fast, "INSERT INTO " + name + " (v) VALUES ('fast')");
      await().atMost(TIMEOUT).until(() -> metric(name, 0, "barrier-wait-ms") >= 2000);
      assertThat(TopicReader.readAll(kafka.bootstrapServers(), name, Duration.ofMillis(500))).isEmpty();
      slow.commit();
    }
    assertThat(texts(read(name, 2), "v")).containsExactly("slow", "fast");
    connect.deleteConnector(name);
  }

  @Test
  void aWorkerRestartAndALostConnectionLoseAndDuplicateNothing() throws Exception {
    String name = table("restart", "id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL");
    int rows = 30_000;
    exec(db, "INSERT INTO " + name + " (payload) SELECT md5(g::text) FROM generate_series(1, " + rows + ") g");
    kafka.createTopic(name, 1);
    connect.createOrUpdateConnector(name, pg(name, "table.names", name, "mode", "incrementing",
        "incrementing.column.name", "id", "poll.max.records", "100", "fetch.size", "100",
        "connection.backoff.ms", "200"));
    connect.awaitConnectorAndTasksRunning(name, 1, TIMEOUT);

    await().atMost(TIMEOUT).until(() -> metric(name, 0, "rows-read-total") >= 2_000);
    exec(db, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name ="
        + " 'courier-jdbc-source' AND pid <> pg_backend_pid()");
    await().atMost(TIMEOUT).until(() -> metric(name, 0, "rows-read-total") >= 8_000);
    connect.stopWorker();
    exec(db, "INSERT INTO " + name + " (payload) SELECT 'after-' || g FROM generate_series(1, 1000) g");
    connect.startWorker();
    connect.awaitConnectorAndTasksRunning(name, 1, TIMEOUT);

    List<ConsumerRecord<byte[], byte[]>> records = read(name, rows + 1000);
    List<Long> ids = JdbcIt.ids(db, name);
    assertThat(ids).hasSize(rows + 1000);
    assertThat(longs(records, "id")).as("every row once, in order").containsExactlyElementsOf(ids);
    assertThat(json(records.get(0)).get("payload").asText()).isEqualTo("c4ca4238a0b923820dcc509a6f75849b");
    assertThat(json(records.get(rows + 999)).get("payload").asText()).isEqualTo("after-1000");
    connect.deleteConnector(name);
  }

  @Test
  void postgresTypesBecomeTheDocumentedValues() throws Exception {
    String name = table("types", "id BIGSERIAL PRIMARY KEY, b BOOL, sm SMALLINT, i INT, r REAL, d DOUBLE"
        + " PRECISION, n NUMERIC(10,2), nu NUMERIC, t TEXT, bt BYTEA, dt DATE, tm TIME, ttz TIMETZ, ts TIMESTAMP,"
        + " tstz TIMESTAMPTZ, u UUID, j JSONB, iv INTERVAL, bit3 BIT(3), m MONEY, nothing TEXT");
    exec(db, "INSERT INTO " + name + " (b, sm, i, r, d, n, nu, t, bt, dt, tm, ttz, ts, tstz, u, j, iv, bit3, m)"
        + " VALUES (true, 7, 70000, 1.5, 2.25, 12.30, 123456789012345678901234567890.5, 'text', '\\x0102',"
        + " '2026-11-27', '10:15:30.123456', '10:15:30+02', '2026-11-27 10:15:30.123456',"
        + " '2026-11-27 10:15:30.123456+01', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"a\": 1}', '1 day',"
        + " B'101', 12.5)");
    kafka.createTopic(name, 1);
    connect.createOrUpdateConnector(name, pg(name, "table.names", name, "mode", "incrementing",
        "incrementing.column.name", "id"));
    connect.awaitConnectorAndTasksRunning(name, 1, TIMEOUT);
    JsonNode row = json(read(name, 1).get(0));
    assertThat(row.get("b").asBoolean()).isTrue();
    assertThat(row.get("sm").asInt()).isEqualTo(7);
    assertThat(row.get("i").asInt()).isEqualTo(70000);
    assertThat(row.get("r").asDouble()).isEqualTo(1.5);
    assertThat(row.get("d").asDouble()).isEqualTo(2.25);
    assertThat(row.get("n").toString()).isEqualTo("12.30");
    assertThat(row.get("nu").asText()).isEqualTo("123456789012345678901234567890.5");
    assertThat(row.get("t").asText()).isEqualTo("text");
    assertThat(row.get("bt").asText()).isEqualTo("AQI=");
    assertThat(row.get("dt").asText()).isEqualTo("2026-11-27");
    assertThat(row.get("tm").asText()).isEqualTo("10:15:30.123456");
    assertThat(row.get("ttz").asText()).isEqualTo("10:15:30+02:00");
    assertThat(row.get("ts").asText()).isEqualTo("2026-11-27T10:15:30.123456");
    assertThat(row.get("tstz").asText()).isEqualTo("2026-11-27T09:15:30.123456Z");
    assertThat(row.get("u").asText()).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    assertThat(row.get("j").asText()).isEqualTo("{\"a\": 1}");
    assertThat(row.get("iv").asText()).isNotEmpty();
    assertThat(row.get("bit3").asText()).isEqualTo("101");
    assertThat(row.get("m").asText()).contains("12.50");
    assertThat(row.get("nothing").isNull()).isTrue();
    connect.deleteConnector(name);
  }

  @Test
  void theConnectorsConnectionsRefuseWrites() throws Exception {
    String name = table("readonly", "id BIGSERIAL PRIMARY KEY, v TEXT");
    JdbcSourceConnectorConfig config = new JdbcSourceConnectorConfig(pg(name, "table.names", name, "mode", "bulk"));
    try (Connection connection = Connections.open(config, Dialect.forUrl(config.connectionUrl()))) {
      assertWritesAreRefused(connection, "INSERT INTO " + name + " (v) VALUES ('written')");
      // Nor can a function a query calls make its transaction writable: the query has read by then.
      assertThatThrownBy(() -> exec(connection, "SELECT set_config('transaction_read_only', 'off', false)"))
          .isInstanceOf(SQLException.class).hasMessageContaining("must be set before any query");
    }
    assertThat(JdbcIt.count(db, name)).isZero();

    // pgjdbc lets the URL override readOnlyMode; a URL that turns read-only off is refused, not obeyed silently.
    JdbcSourceConnectorConfig ignoring = new JdbcSourceConnectorConfig(pg(name, "table.names", name, "mode", "bulk",
        "connection.url", JdbcIt.POSTGRES_URL + "?readOnlyMode=ignore"));
    assertThatThrownBy(() -> Connections.open(ignoring, Dialect.forUrl(ignoring.connectionUrl())).close())
        .isInstanceOf(SQLException.class).hasMessageContaining("not read-only")
        .hasMessageContaining("remove readOnlyMode from connection.url");
  }

  @Test
  void validateRunsACustomQueryInAReadOnlyTransactionSoOneThatWritesIsRefusedAndLeavesNothing() throws Exception {
    String source = table("qsrc", "id BIGSERIAL PRIMARY KEY, v TEXT NOT NULL");
    String written = table("qlog", "n BIGINT");
    String function = JdbcIt.uniqueName("qfn");
    exec(db, "INSERT INTO " + source + " (v) VALUES ('a'), ('b')",
        "CREATE FUNCTION " + function + "(i BIGINT) RETURNS BIGINT LANGUAGE sql VOLATILE AS $$ INSERT INTO "
            + written + " VALUES (i) RETURNING i $$");
    try {
      ValidationResult writing = connect.validate(JdbcSourceConnector.class.getName(), pg(source, "name", "q",
          "query", "SELECT id, v, " + function + "(id) AS logged FROM " + source, "mode", "incrementing",
          "incrementing.column.name", "id"));
      assertThat(writing.errors()).containsOnlyKeys("query");
      assertThat(writing.errorsFor("query")).singleElement().asString().contains("the query writes to the database")
          .contains("read-only transaction").contains("SQLState 25006").contains("Fix:");
      assertThat(JdbcIt.count(db, written)).as("rows the query's function wrote").isZero();

      ValidationResult reading = connect.validate(JdbcSourceConnector.class.getName(), pg(source, "name", "q",
          "query", "SELECT id, v FROM " + source, "mode", "incrementing", "incrementing.column.name", "id"));
      assertThat(reading.errors()).isEmpty();
    } finally {
      exec(db, "DROP FUNCTION IF EXISTS " + function + "(BIGINT)");
    }
  }

  @Test
  void validateReportsDatabaseProblemsOnTheirKeysThroughTheRestApi() throws Exception {
    String name = table("valid", "id BIGINT PRIMARY KEY, n INT");
    exec(db, "CREATE SEQUENCE " + name + "_seq CACHE 20 OWNED BY " + name + ".id",
        "ALTER TABLE " + name + " ALTER COLUMN id SET DEFAULT nextval('" + name + "_seq')");
    ValidationResult cached = connect.validate(JdbcSourceConnector.class.getName(), pg(name, "name", "v",
        "table.names", name, "mode", "incrementing", "incrementing.column.name", "id"));
    assertThat(cached.errors()).containsOnlyKeys("incrementing.column.name");
    assertThat(cached.errorsFor("incrementing.column.name")).singleElement().asString().contains("CACHE 20")
        .contains("CACHE 1");

    String shared = table("shared", "id BIGINT PRIMARY KEY, n INT");
    exec(db, "CREATE SEQUENCE " + shared + "_seq CACHE 5",
        "ALTER TABLE " + shared + " ALTER COLUMN id SET DEFAULT nextval('" + shared + "_seq')");
    ValidationResult sharedCache = connect.validate(JdbcSourceConnector.class.getName(), pg(shared, "name", "v",
        "table.names", shared, "mode", "incrementing", "incrementing.column.name", "id"));
    assertThat(sharedCache.errorsFor("incrementing.column.name")).singleElement().asString()
        .contains(shared + "_seq").contains("CACHE 5");
    exec(db, "ALTER SEQUENCE " + shared + "_seq CACHE 1");
    assertThat(connect.validate(JdbcSourceConnector.class.getName(), pg(shared, "name", "v", "table.names", shared,
        "mode", "incrementing", "incrementing.column.name", "id")).errors()).isEmpty();

    ValidationResult missing = connect.validate(JdbcSourceConnector.class.getName(), pg(name, "name", "v",
        "table.names", name + "x", "mode", "incrementing", "incrementing.column.name", "id"));
    assertThat(missing.errorsFor("table.names")).singleElement().asString().contains("does not exist")
        .contains("did you mean " + name);

    ValidationResult column = connect.validate(JdbcSourceConnector.class.getName(), pg(name, "name", "v",
        "table.names", name, "mode", "timestamp+incrementing", "incrementing.column.name", "id",
        "timestamp.column.name", "n"));
    assertThat(column.errorsFor("timestamp.column.name")).singleElement().asString().contains("int4")
        .contains("must be a TIMESTAMP");
  }
}

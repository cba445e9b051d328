/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import static dev.courier.connect.jdbc.JdbcIt.assertWritesAreRefused;
import static dev.courier.connect.jdbc.JdbcIt.config;
import static dev.courier.connect.jdbc.JdbcIt.exec;
import static dev.courier.connect.jdbc.JdbcIt.json;
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
 * The JDBC source on the real MariaDB of this machine, with the broker, the worker and the read_committed reader
 * of {@link JdbcSourceItBase}. Each test creates its own uniquely named tables, dropped after the class.
 */
class JdbcSourceMariaDbIT extends JdbcSourceItBase {

  @Override
  Connection open() throws SQLException {
    return JdbcIt.mariadb();
  }

  @Override
  String createTable(String name, String columns) {
    return "CREATE TABLE " + name + " (" + columns + ") ENGINE=InnoDB";
  }

  @Override
  String[] dropTable(String name) {
    return new String[] {"DROP TABLE IF EXISTS " + name};
  }

  Map<String, String> maria(String topic, String... more) {
    return config(JdbcIt.MARIADB_URL, "root", topic, more);
  }

  @Test
  void incrementingAndTimestampModesDeliverNewAndUpdatedRowsInOrder() throws Exception {
    String inc = table("inc", "id BIGINT AUTO_INCREMENT PRIMARY KEY, item VARCHAR(20) NOT NULL");
    String ts = table("ts", "id BIGINT AUTO_INCREMENT PRIMARY KEY, updated_at DATETIME(6) NOT NULL DEFAULT"
        + " CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), item VARCHAR(20) NOT NULL");
    exec(db, "INSERT INTO " + inc + " (item) SELECT CONCAT('item-', seq) FROM seq_1_to_5",
        "INSERT INTO " + ts + " (item) SELECT CONCAT('row-', seq) FROM seq_1_to_5");
    kafka.createTopic(inc, 1);
    kafka.createTopic(ts, 1);
    connect.createOrUpdateConnector(inc, maria(inc, "table.names", inc, "mode", "incrementing",
        "incrementing.column.name", "id"));
    connect.createOrUpdateConnector(ts, maria(ts, "table.names", "test." + ts, "mode", "timestamp+incrementing",
        "incrementing.column.name", "id", "timestamp.column.name", "updated_at", "timestamp.lag.ms", "200"));
    connect.awaitConnectorAndTasksRunning(inc, 1, TIMEOUT);
    connect.awaitConnectorAndTasksRunning(ts, 1, TIMEOUT);

    assertThat(longs(read(inc, 5), "id")).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(texts(read(ts, 5), "item")).containsExactly("row-1", "row-2", "row-3", "row-4", "row-5");

    Thread.sleep(5); // DATETIME(6) ticks in microseconds: the update gets a later timestamp than the inserts
    exec(db, "INSERT INTO " + inc + " (item) VALUES ('item-6')",
        "UPDATE " + ts + " SET item = 'row-2 again' WHERE id = 2",
        "INSERT INTO " + ts + " (item) VALUES ('row-6')");
    assertThat(texts(read(inc, 6), "item")).last().isEqualTo("item-6");
    assertThat(texts(read(ts, 7), "item").subList(5, 7)).containsExactly("row-2 again", "row-6");
    connect.deleteConnector(inc);
    connect.deleteConnector(ts);
  }

  @Test
  void rowsOfTransactionsThatCommitOutOfOrderAreAllDelivered() throws Exception {
    String name = table("ooo", "id BIGINT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(10) NOT NULL");
    kafka.createTopic(name, 1);
    connect.createOrUpdateConnector(name, maria(name, "table.names", name, "mode", "incrementing",
        "incrementing.column.name", "id"));
    connect.awaitConnectorAndTasksRunning(name, 1, TIMEOUT);
    try (Connection slow = JdbcIt.mariadb(); Connection fast = JdbcIt.mariadb()) {
      slow.setAutoCommit(false);
      exec(slow, "INSERT INTO " + name + " (v) VALUES ('slow')"); // id 1, held open
      exec(fast, "INSERT INTO " + name + " (v) VALUES ('fast')"); // id 2, committed
      await().atMost(TIMEOUT).until(() -> metric(name, 0, "incrementing-lag") == 2
          && metric(name, 0, "barrier-wait-ms") >= 2500);
      assertThat(TopicReader.readAll(kafka.bootstrapServers(), name, Duration.ofMillis(500))).isEmpty();
      slow.commit();
    }
    assertThat(texts(read(name, 2), "v")).containsExactly("slow", "fast");
    connect.deleteConnector(name);
  }

  @Test
  void aWorkerRestartLosesAndDuplicatesNothing() throws Exception {
    String name = table("restart", "id BIGINT AUTO_INCREMENT PRIMARY KEY, payload VARCHAR(40) NOT NULL");
    int rows = 20_000;
    exec(db, "INSERT INTO " + name + " (payload) SELECT MD5(seq) FROM seq_1_to_" + rows);
    kafka.createTopic(name, 1);
    connect.createOrUpdateConnector(name, maria(name, "table.names", name, "mode", "incrementing",
        "incrementing.column.name", "id", "poll.max.records", "100", "fetch.size", "100"));
    connect.awaitConnectorAndTasksRunning(name, 1, TIMEOUT);
    await().atMost(TIMEOUT).until(() -> metric(name, 0, "rows-read-total") >= 3_000);
    connect.stopWorker();
    exec(db, "INSERT INTO " + name + " (payload) SELECT CONCAT('after-', seq) FROM seq_1_to_500");
    connect.startWorker();
    connect.awaitConnectorAndTasksRunning(name, 1, TIMEOUT);
    List<ConsumerRecord<byte[], byte[]>> records = read(name, rows + 500);
    List<Long> ids = JdbcIt.ids(db, name);
    assertThat(ids).hasSize(rows + 500);
    assertThat(longs(records, "id")).as("every row once, in order").containsExactlyElementsOf(ids);
    assertThat(json(records.get(rows + 499)).get("payload").asText()).isEqualTo("after-500");
    connect.deleteConnector(name);
  }

  @Test
  void mariadbTypesBecomeTheDocumentedValues() throws Exception {
    String name = table("types", "id BIGINT AUTO_INCREMENT PRIMARY KEY, b BOOLEAN, tiu TINYINT UNSIGNED,"
        + " smu SMALLINT UNSIGNED, mi MEDIUMINT, iu INT UNSIGNED, biu BIGINT UNSIGNED, f FLOAT, d DOUBLE,"
        + " n DECIMAL(10,2), t TEXT, bl BLOB, dt DATE, tm TIME(6), dtm DATETIME(6), y YEAR, j JSON,"
        + " e ENUM('a','b'), bit1 BIT(1), bit5 BIT(5), nothing VARCHAR(5)");
    exec(db, "INSERT INTO " + name + " (b, tiu, smu, mi, iu, biu, f, d, n, t, bl, dt, tm, dtm, y, j, e, bit1, bit5)"
        + " VALUES (2, 255, 65535, -5, 4000000000, 18446744073709551615, 1.5, 2.25, 12.30, 'text', x'0102',"
        + " '2026-11-27', '10:15:30.123456', '2026-11-27 10:15:30.123456', 2026, '{\"a\":1}', 'b', b'1',"
        + " b'10101')");
    kafka.createTopic(name, 1);
    connect.createOrUpdateConnector(name, maria(name, "table.names", name, "mode", "incrementing",
        "incrementing.column.name", "id"));
    connect.awaitConnectorAndTasksRunning(name, 1, TIMEOUT);
    JsonNode row = json(read(name, 1).get(0));
    assertThat(row.get("b").asInt()).as("BOOLEAN is TINYINT(1): a number, kept exact").isEqualTo(2);
    assertThat(row.get("tiu").asInt()).isEqualTo(255);
    assertThat(row.get("smu").asInt()).isEqualTo(65535);
    assertThat(row.get("mi").asInt()).isEqualTo(-5);
    assertThat(row.get("iu").asLong()).isEqualTo(4_000_000_000L);
    assertThat(row.get("biu").toString()).isEqualTo("18446744073709551615");
    assertThat(row.get("f").asDouble()).isEqualTo(1.5);
    assertThat(row.get("d").asDouble()).isEqualTo(2.25);
    assertThat(row.get("n").toString()).isEqualTo("12.30");
    assertThat(row.get("t").asText()).isEqualTo("text");
    assertThat(row.get("bl").asText()).isEqualTo("AQI=");
    assertThat(row.get("dt").asText()).isEqualTo("2026-11-27");
    assertThat(row.get("tm").asText()).isEqualTo("10:15:30.123456");
    assertThat(row.get("dtm").asText()).isEqualTo("2026-11-27T10:15:30.123456");
    assertThat(row.get("y").asInt()).isEqualTo(2026);
    assertThat(row.get("j").asText()).isEqualTo("{\"a\":1}");
    assertThat(row.get("e").asText()).isEqualTo("b");
    assertThat(row.get("bit1").asBoolean()).isTrue();
    assertThat(row.get("bit5").asText()).isEqualTo("FQ==");
    assertThat(row.get("nothing").isNull()).isTrue();
    connect.deleteConnector(name);
  }

  @Test
  void theConnectorsConnectionsRefuseWrites() throws Exception {
    String name = table("readonly", "id BIGINT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(20)");
    JdbcSourceConnectorConfig config = new JdbcSourceConnectorConfig(maria(name, "table.names", name, "mode",
        "bulk"));
    try (Connection connection = Connections.open(config, Dialect.forUrl(config.connectionUrl()))) {
      assertWritesAreRefused(connection, "INSERT INTO " + name + " (v) VALUES ('written')");
      // Read-only is the session's: a transaction started without READ ONLY cannot write either.
      exec(connection, "START TRANSACTION");
      assertThatThrownBy(() -> exec(connection, "DELETE FROM " + name)).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("25006"));
      exec(connection, "ROLLBACK");
    }
    assertThat(JdbcIt.count(db, name)).isZero();
  }

  @Test
  void validateRunsACustomQueryInAReadOnlyTransactionSoOneThatWritesIsRefusedAndLeavesNothing() throws Exception {
    String source = table("qsrc", "id BIGINT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(20) NOT NULL");
    String written = table("qlog", "n BIGINT");
    String function = JdbcIt.uniqueName("qfn");
    exec(db, "INSERT INTO " + source + " (v) VALUES ('a'), ('b')",
        "CREATE FUNCTION " + function + "(i BIGINT) RETURNS BIGINT NOT DETERMINISTIC MODIFIES SQL DATA BEGIN"
            + " INSERT INTO " + written + " VALUES (i); RETURN i; END");
    try {
      ValidationResult writing = connect.validate(JdbcSourceConnector.class.getName(), maria(source, "name", "q",
          "query", "SELECT id, v, " + function + "(id) AS logged FROM " + source, "mode", "incrementing",
          "incrementing.column.name", "id"));
      assertThat(writing.errors()).containsOnlyKeys("query");
      assertThat(writing.errorsFor("query")).singleElement().asString().contains("the query writes to the database")
          .contains("READ ONLY transaction").contains("SQLState 25006");
      assertThat(JdbcIt.count(db, written)).as("rows the query's function wrote").isZero();

      ValidationResult reading = connect.validate(JdbcSourceConnector.class.getName(), maria(source, "name", "q",
          "query", "SELECT id, v FROM " + source, "mode", "incrementing", "incrementing.column.name", "id"));
      assertThat(reading.errors()).isEmpty();
    } finally {
      exec(db, "DROP FUNCTION IF EXISTS " + function);
    }
  }

  @Test
  void validateNeedsTheProcessPrivilegeForTheBarrierAndNeverShowsThePassword() throws Exception {
    String name = table("valid", "id BIGINT AUTO_INCREMENT PRIMARY KEY, n INT");
    String user = JdbcIt.uniqueName("courier");
    exec(db, "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'np-Secret-1'",
        "GRANT SELECT ON test.* TO '" + user + "'@'%'");
    try {
      Map<String, String> config = maria(name, "name", "v", "table.names", name, "mode", "incrementing",
          "incrementing.column.name", "id", "connection.user", user, "connection.password", "np-Secret-1");
      ValidationResult noProcess = connect.validate(JdbcSourceConnector.class.getName(), config);
      assertThat(noProcess.errors()).containsOnlyKeys("commit.barrier");
      assertThat(noProcess.errorsFor("commit.barrier")).singleElement().asString().contains("INNODB_TRX")
          .contains("GRANT PROCESS");

      config.put("connection.password", "wrong-Secret-2");
      ValidationResult wrong = connect.validate(JdbcSourceConnector.class.getName(), config);
      assertThat(wrong.errors()).containsKeys("connection.url", "connection.password");
      assertThat(wrong.errors().toString()).contains("Access denied").doesNotContain("wrong-Secret-2")
          .doesNotContain("np-Secret-1");

      exec(db, "GRANT PROCESS ON *.* TO '" + user + "'@'%'");
      config.put("connection.password", "np-Secret-1");
      assertThat(connect.validate(JdbcSourceConnector.class.getName(), config).errors()).isEmpty();
    } finally {
      exec(db, "DROP USER '" + user + "'@'%'");
    }
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the JDBC integration tests share: the databases on this machine, unique table names, JMX, JSON. */
final class JdbcIt {

  static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private JdbcIt() {}

  static Connection postgres() throws SQLException {
    return DriverManager.getConnection(POSTGRES_URL, "postgres", "");
  }

  static Connection mariadb() throws SQLException {
    return DriverManager.getConnection(MARIADB_URL, "root", "");
  }

  /** A table name no other test run uses. */
  static String uniqueName(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  static void exec(Connection connection, String... sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }

  /** A connector config with exactly-once required, string keys and schemaless JSON values. */
  static Map<String, String> config(String url, String user, String topic, String... more) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", JdbcSourceConnector.class.getName());
    config.put("tasks.max", "1");
    config.put("connection.url", url);
    config.put("connection.user", user);
    config.put("topic", topic);
    config.put("poll.interval.ms", "100");
    config.put("exactly.once.support", "required");
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    config.put("value.converter.decimal.format", "NUMERIC");
    for (int i = 0; i < more.length; i += 2) {
      config.put(more[i], more[i + 1]);
    }
    return config;
  }

  static JsonNode json(ConsumerRecord<byte[], byte[]> record) {
    try {
      return JSON.readTree(record.value());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A connector config as the JSON body of a Connect REST request. */
  static String toJson(Map<String, String> config) {
    try {
      return JSON.writeValueAsString(config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String key(ConsumerRecord<byte[], byte[]> record) {
    return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
  }

  static List<Long> longs(List<ConsumerRecord<byte[], byte[]>> records, String field) {
    List<Long> values = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      values.add(json(record).get(field).asLong());
    }
    return values;
  }

  static List<String> texts(List<ConsumerRecord<byte[], byte[]>> records, String field) {
    List<String> values = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      values.add(json(record).get(field).asText());
    }
    return values;
  }

  /** The number of rows of a table. */
  static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        java.sql.ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Asserts that a connection of the connector refuses a write, in autocommit (as the task's own statements run) and
   * in a transaction (as it streams rows), with SQLState 25006 (a write in a read-only transaction).
   */
  static void assertWritesAreRefused(Connection connection, String insert) throws SQLException {
    assertThat(connection.isReadOnly()).isTrue();
    assertThat(connection.getAutoCommit()).isTrue();
    assertThatThrownBy(() -> exec(connection, insert)).as("a write in autocommit")
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
    connection.setAutoCommit(false);
    try {
      assertThatThrownBy(() -> exec(connection, insert)).as("a write in a transaction")
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
    } finally {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }

  /** The ids of a table, in order. */
  static List<Long> ids(Connection connection, String table) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        java.sql.ResultSet rs = statement.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  /** A task metric of a connector, over JMX; -1 while it is not registered. */
  static long metric(String connector, int task, String name) {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName pattern = new ObjectName("kafka.connect:type=plugins,connector=" + connector + ",task=" + task
          + ",*");
      for (ObjectName bean : server.queryNames(pattern, null)) {
        Object value = server.getAttribute(bean, name);
        if (value instanceof Number number) {
          return number.longValue();
        }
      }
      return -1;
    } catch (javax.management.JMException e) {
      return -1;
    }
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import static dev.courier.connect.jdbc.JdbcIt.exec;

import dev.courier.harness.EmbeddedConnect;
import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.TopicReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the JDBC source's integration tests on a real database of this machine share: a KRaft broker and a
 * distributed Connect worker with exactly-once source support in this JVM (one broker and worker for the class), a
 * connection to the database, tables with unique names that are dropped after the class, and a read_committed reader.
 * A subclass says how to reach its database and how it creates and drops a table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcSourceItBase {

  static final Duration TIMEOUT = Duration.ofSeconds(60);

  EmbeddedKafka kafka;
  EmbeddedConnect connect;
  Connection db;
  private final List<String> tables = new ArrayList<>();

  /**
   * A new connection to the database, as the user the connectors use.
   *
   * @return the connection
   * @throws SQLException when the database is not reachable
   */
  abstract Connection open() throws SQLException;

  /**
   * The statement that creates a table.
   *
   * @param name the table
   * @param columns the column definitions
   * @return the statement
   */
  abstract String createTable(String name, String columns);

  /**
   * The statements that drop a table and what it owns.
   *
   * @param name the table
   * @return the statements
   */
  abstract String[] dropTable(String name);

  @BeforeAll
  void start() throws Exception {
    db = open();
    kafka = EmbeddedKafka.start();
    connect = EmbeddedConnect.start(kafka);
  }

  @AfterAll
  void stop() throws Exception {
    if (connect != null) {
      connect.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (db != null) {
      for (String table : tables) {
        exec(db, dropTable(table));
      }
      db.close();
    }
  }

  /** Creates a table with a unique name, dropped after the class. */
  String table(String prefix, String columns) throws Exception {
    String name = JdbcIt.uniqueName(prefix);
    tables.add(name);
    exec(db, createTable(name, columns));
    return name;
  }

  /** Exactly {@code count} committed records of a topic. */
  List<ConsumerRecord<byte[], byte[]>> read(String topic, int count) {
    return TopicReader.readExactly(kafka.bootstrapServers(), topic, count, TIMEOUT);
  }
}

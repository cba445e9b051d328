/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The transactional outbox's writing side: a message written as one row of the outbox table in the caller's database
 * transaction, with the record its producer would send (topic, key and value bytes, headers, timestamp), which the
 * JDBC source's outbox mode relays to Kafka once the transaction commits. The row commits or rolls back with the
 * caller's change, so a change is never committed without its message nor a message sent without its change.
 *
 * <p>The bytes are the generated producer's: the record from the type's {@link MessageContract#toRecord}, the key
 * serialized by its key serializer, the value by {@link SchemaRegistryFraming#valueSerializer} (so a type framed for
 * the Schema Registry stores the framed value; its schema is registered when the first message of the type is
 * written). A record without a timestamp ({@code @Timestamp}) is stamped with the time it is written, the time of the
 * change, as a direct send is stamped with the time of the send.
 *
 * <p>The table is the one the DDL in {@code META-INF/courier/outbox/} (PostgreSQL, MariaDB/MySQL, H2) creates;
 * {@code id} orders the rows for the relay. Generated {@code <Type>Outbox} classes ({@code @KafkaMessage(outbox =
 * true)}) call {@link #write}. Thread-safe; one per application.
 */
public final class Outbox {
  /** The property naming the outbox table; the default is {@value #DEFAULT_TABLE}. */
  public static final String TABLE = "courier.outbox.table";
  /** The table the shipped DDL creates. */
  public static final String DEFAULT_TABLE = "courier_outbox";

  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

  private final String insert;
  private final Map<String, Object> properties;
  private final Map<MessageContract<?, ?, ?>, Serializers<?, ?>> serializers = new ConcurrentHashMap<>();

  private Outbox(String table, Map<String, Object> properties) {
    this.insert = "INSERT INTO " + table
        + " (topic, message_key, message_value, headers, message_timestamp, message_type) VALUES (?, ?, ?, ?, ?, ?)";
    this.properties = properties;
  }

  /**
   * An outbox on the default table, {@value #DEFAULT_TABLE}.
   *
   * @return the outbox
   */
  public static Outbox create() {
    return create(Map.of());
  }

  /**
   * An outbox configured by properties: {@value #TABLE} (the table, optionally schema-qualified), and the
   * {@link SchemaRegistryConfig} keys for types framed for the Schema Registry; other keys are ignored.
   *
   * @param properties the properties
   * @return the outbox
   * @throws IllegalArgumentException when the table name is not a plain (optionally qualified) SQL name
   */
  public static Outbox create(Map<String, ?> properties) {
    Object table = properties.containsKey(TABLE) ? properties.get(TABLE) : DEFAULT_TABLE;
    if (!(table instanceof String name) || !TABLE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(TABLE + " is '" + table + "'; give a table name such as " + DEFAULT_TABLE
          + " or schema." + DEFAULT_TABLE + " (letters, digits, _ and $)");
    }
    return new Outbox(name, Map.copyOf(properties));
  }

  /**
   * The shipped {@code CREATE TABLE} of the outbox table for a database, {@code META-INF/courier/outbox/<database>.sql}
   * without its comments, naming the given table: for a migration tool's script, or a test's table.
   *
   * @param database {@code postgresql}, {@code mariadb} (MariaDB and MySQL) or {@code h2}
   * @param table the table's name, as {@link #TABLE} accepts it
   * @return the statement
   * @throws IllegalArgumentException for another database or a table name that is not a plain SQL name
   */
  public static String tableDdl(String database, String table) {
    if (!TABLE_NAME.matcher(table).matches()) {
      throw new IllegalArgumentException("'" + table + "' is not a table name such as " + DEFAULT_TABLE);
    }
    String resource = "META-INF/courier/outbox/" + database + ".sql";
    try (InputStream in = Outbox.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null || !List.of("postgresql", "mariadb", "h2").contains(database)) {
        throw new IllegalArgumentException("no outbox DDL for '" + database + "'; Courier ships postgresql, mariadb"
            + " and h2");
      }
      String ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return ddl.lines().filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n")).strip()
          .replace(DEFAULT_TABLE, table);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /**
   * Writes a message as one outbox row on the caller's connection, in its open transaction. Never commits, rolls
   * back or closes anything: the caller's commit makes the row visible to the relay with the change it belongs to.
   *
   * @param connection the caller's connection, not in auto-commit mode
   * @param contract the message type's contract (its generated descriptor)
   * @param message the message
   * @param <T> the message type
   * @throws SQLException when the insert fails (the caller's transaction decides what happens next)
   * @throws IllegalStateException when the connection is in auto-commit mode, where the row would commit on its own
   * @throws NullKeyException when the type's key member is {@code null}, as {@code send} refuses it
   */
  public <T> void write(Connection connection, MessageContract<T, ?, ?> contract, T message) throws SQLException {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(message, "message");
    if (connection.getAutoCommit()) {
      throw new IllegalStateException("the connection is in auto-commit mode, so the outbox row of "
          + contract.messageClassName() + " would commit on its own, apart from the change it belongs to. Fix:"
          + " connection.setAutoCommit(false), write the change and the message, then commit both");
    }
    Row row = serializers(contract).row(message);
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      statement.setString(1, row.topic);
      setBytes(statement, 2, row.key);
      setBytes(statement, 3, row.value);
      setBytes(statement, 4, row.headers);
      statement.setLong(5, row.timestamp);
      statement.setString(6, contract.messageClassName());
      statement.executeUpdate();
    }
  }

  private static void setBytes(PreparedStatement statement, int index, byte[] bytes) throws SQLException {
    if (bytes == null) {
      statement.setNull(index, Types.VARBINARY);
    } else {
      statement.setBytes(index, bytes);
    }
  }

  @SuppressWarnings("unchecked")
  private <T, K, V> Serializers<T, ?> serializers(MessageContract<T, K, V> contract) {
    return (Serializers<T, ?>) serializers.computeIfAbsent(contract, c -> new Serializers<>(contract,
        contract.newKeySerializer(), SchemaRegistryFraming.valueSerializer(contract, properties)));
  }

  /** One row's values. */
  private record Row(String topic, byte[] key, byte[] value, byte[] headers, long timestamp) {}

  /** A type's serializers, kept per contract. */
  private record Serializers<T, K>(MessageContract<T, K, ?> contract, Serializer<K> keys, Serializer<?> values) {
    @SuppressWarnings("unchecked")
    Row row(T message) {
      ProducerRecord<K, ?> record = contract.toRecord(message);
      Headers headers = record.headers();
      byte[] key = keys.serialize(record.topic(), headers, record.key());
      byte[] value = ((Serializer<Object>) values).serialize(record.topic(), headers, record.value());
      long timestamp = record.timestamp() == null ? System.currentTimeMillis() : record.timestamp();
      return new Row(record.topic(), key, value, OutboxHeaders.encode(headers), timestamp);
    }
  }
}

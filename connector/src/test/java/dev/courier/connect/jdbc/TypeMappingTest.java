/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.connect.FakeTaskContext;
import dev.courier.connect.FakeTaskContext.FakeClock;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Column types to Connect schemas and values, on H2 (PostgreSQL and MariaDB types are covered by the ITs). */
class TypeMappingTest {

  H2Db db;
  JdbcSourceTask task;

  @BeforeEach
  void database() throws Exception {
    db = new H2Db();
    db.exec("CREATE TABLE typed (id BIGINT PRIMARY KEY, b BOOLEAN NOT NULL, ti TINYINT, si SMALLINT, i INT, bi BIGINT,"
        + " r REAL, d DOUBLE PRECISION, n NUMERIC(10, 2), v VARCHAR(20), c CHAR(3), cl CLOB, vb VARBINARY(4),"
        + " bl BLOB, dt DATE, tm TIME(3), ts TIMESTAMP(3), tz TIMESTAMP(3) WITH TIME ZONE, js JSON)");
    db.exec("INSERT INTO typed VALUES (1, TRUE, -5, 300, 70000, 9000000000, 1.5, 2.25, 12.30, 'text', 'abc',"
        + " 'long text', X'0102', X'03', DATE '2026-11-27', TIME '10:15:30.123', TIMESTAMP '2026-11-27 10:15:30.123',"
        + " TIMESTAMP WITH TIME ZONE '2026-11-27 10:15:30.123+01:00', JSON '{\"a\":1}')",
        "INSERT INTO typed (id, b) VALUES (2, FALSE)");
  }

  @AfterEach
  void close() throws Exception {
    if (task != null) {
      task.stop();
    }
    db.close();
  }

  List<SourceRecord> read(String temporal) throws Exception {
    Map<String, String> config = new HashMap<>(Map.of("name", "types", "connection.url", db.url, "mode",
        "incrementing", "incrementing.column.name", "id", "table.names", "typed", "topic", "typed",
        "temporal.mapping", temporal));
    task = new JdbcSourceTask(new FakeClock(0));
    task.initialize(new FakeTaskContext(config, false));
    task.start(config);
    return JdbcSourceTaskTest.pollCount(task, 2);
  }

  static Schema.Type type(Schema schema, String field) {
    return schema.field(field).schema().type();
  }

  @Test
  void stringTemporalMappingIsExactAndEveryTypeHasItsConnectType() throws Exception {
    List<SourceRecord> records = read("string");
    Struct row = (Struct) records.get(0).value();
    Schema schema = row.schema();
    assertThat(schema.fields()).extracting(Field::name).containsExactly("ID", "B", "TI", "SI", "I", "BI", "R", "D",
        "N", "V", "C", "CL", "VB", "BL", "DT", "TM", "TS", "TZ", "JS");
    assertThat(schema.field("B").schema().isOptional()).isFalse();
    assertThat(schema.field("TI").schema().isOptional()).isTrue();
    assertThat(type(schema, "TI")).isEqualTo(Schema.Type.INT8);
    assertThat(type(schema, "SI")).isEqualTo(Schema.Type.INT16);
    assertThat(type(schema, "I")).isEqualTo(Schema.Type.INT32);
    assertThat(type(schema, "BI")).isEqualTo(Schema.Type.INT64);
    assertThat(type(schema, "R")).isEqualTo(Schema.Type.FLOAT32);
    assertThat(type(schema, "D")).isEqualTo(Schema.Type.FLOAT64);
    assertThat(schema.field("N").schema().name()).isEqualTo(Decimal.LOGICAL_NAME);
    assertThat(schema.field("N").schema().parameters()).containsEntry(Decimal.SCALE_FIELD, "2");
    assertThat(type(schema, "VB")).isEqualTo(Schema.Type.BYTES);
    assertThat(type(schema, "BL")).isEqualTo(Schema.Type.BYTES);
    assertThat(type(schema, "TS")).isEqualTo(Schema.Type.STRING);

    assertThat(row.get("B")).isEqualTo(true);
    assertThat(row.get("TI")).isEqualTo((byte) -5);
    assertThat(row.get("SI")).isEqualTo((short) 300);
    assertThat(row.get("I")).isEqualTo(70000);
    assertThat(row.get("BI")).isEqualTo(9_000_000_000L);
    assertThat(row.get("R")).isEqualTo(1.5f);
    assertThat(row.get("D")).isEqualTo(2.25);
    assertThat(row.get("N")).isEqualTo(new BigDecimal("12.30"));
    assertThat(row.get("V")).isEqualTo("text");
    assertThat(row.get("C")).isEqualTo("abc");
    assertThat(row.get("CL")).isEqualTo("long text");
    assertThat(row.get("VB")).isEqualTo(new byte[] {1, 2});
    assertThat(row.get("BL")).isEqualTo(new byte[] {3});
    assertThat(row.get("DT")).isEqualTo("2026-11-27");
    assertThat(row.get("TM")).isEqualTo("10:15:30.123");
    assertThat(row.get("TS")).isEqualTo("2026-11-27T10:15:30.123");
    assertThat(row.get("TZ")).isEqualTo("2026-11-27T09:15:30.123Z");
    assertThat(row.get("JS")).isEqualTo("{\"a\":1}");

    Struct nulls = (Struct) records.get(1).value();
    assertThat(nulls.get("B")).isEqualTo(false);
    for (String name : List.of("TI", "SI", "I", "BI", "R", "D", "N", "V", "C", "CL", "VB", "BL", "DT", "TM", "TS",
        "TZ", "JS")) {
      assertThat(nulls.get(name)).as(name).isNull();
    }
  }

  @Test
  void connectTemporalMappingUsesConnectsLogicalTypes() throws Exception {
    Struct row = (Struct) read("connect").get(0).value();
    Schema schema = row.schema();
    assertThat(schema.field("DT").schema().name()).isEqualTo(Date.LOGICAL_NAME);
    assertThat(schema.field("TM").schema().name()).isEqualTo(Time.LOGICAL_NAME);
    assertThat(schema.field("TS").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
    assertThat(schema.field("TZ").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
    assertThat(((java.util.Date) row.get("DT")).toInstant()).isEqualTo(java.time.Instant.parse("2026-11-27T00:00:00Z"));
    assertThat(((java.util.Date) row.get("TM")).getTime()).isEqualTo((10 * 3600 + 15 * 60 + 30) * 1000L + 123);
    assertThat(((java.util.Date) row.get("TS")).toInstant())
        .isEqualTo(java.time.Instant.parse("2026-11-27T10:15:30.123Z"));
    assertThat(((java.util.Date) row.get("TZ")).toInstant())
        .isEqualTo(java.time.Instant.parse("2026-11-27T09:15:30.123Z"));
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/**
 * The key of a record mapped with {@code key.field} (no message type): a record whose key member or column is
 * missing or {@code null} is a bad record, never a record with a {@code null} key.
 */
class MessageMappingTest {

  private final MessageMapping mapping = MessageMapping.fromConfig("lines", "id");

  @Test
  void aSchemalessValueWithANullKeyMemberIsABadRecord() throws Exception {
    Map<String, Object> value = new HashMap<>();
    value.put("id", null);
    value.put("n", 1L);

    assertThatThrownBy(() -> mapping.record(Map.of(), Map.of(), value))
        .isInstanceOf(BadRecordException.class).hasMessageContaining("'id'").hasMessageContaining("null");
    assertThat(mapping.record(Map.of(), Map.of(), Map.<String, Object>of("id", "k1")).key()).isEqualTo("k1");
  }

  @Test
  void aRowWithANullKeyColumnIsABadRecord() throws Exception {
    Schema schema = SchemaBuilder.struct().field("id", Schema.OPTIONAL_INT64_SCHEMA)
        .field("n", Schema.OPTIONAL_INT64_SCHEMA).build();
    Struct row = new Struct(schema).put("n", 1L);

    assertThatThrownBy(() -> mapping.record(Map.of(), Map.of(), row))
        .isInstanceOf(BadRecordException.class).hasMessageContaining("'id'").hasMessageContaining("null");
    assertThat(mapping.record(Map.of(), Map.of(), new Struct(schema).put("id", 7L)).key()).isEqualTo(7L);
  }

  @Test
  void withoutKeyFieldEveryKeyIsNull() throws Exception {
    MessageMapping unkeyed = MessageMapping.fromConfig("lines", "");

    assertThat(unkeyed.record(Map.of(), Map.of(), Map.<String, Object>of("id", "k1")).key()).isNull();
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

/** A file's offset as the map Connect stores: the same entries a hash map would hold, read back unchanged. */
class FileOffsetTest {

  @Test
  void theMapViewHasTheEntriesOfTheOffsetAndEqualsAHashMapOfThem() {
    Map<String, Object> spool = new FileOffset(4096, 37, 1024, 0xCAFEL, 1_800_000_000_000L).toMap();
    Map<String, Object> expected = new HashMap<>();
    expected.put("position", 4096L);
    expected.put("line", 37L);
    expected.put("head.length", 1024L);
    expected.put("head.crc", 0xCAFEL);
    expected.put("modified", 1_800_000_000_000L);
    assertThat(spool).isEqualTo(expected).hasSameHashCodeAs(expected).hasSize(5);
    assertThat(expected).isEqualTo(spool);
    assertThat(spool.keySet()).containsExactly("position", "line", "head.length", "head.crc", "modified");
    assertThat(FileOffset.fromMap(spool)).isEqualTo(new FileOffset(4096, 37, 1024, 0xCAFEL, 1_800_000_000_000L));

    Map<String, Object> tail = new FileOffset(10, 2, -1, 0, -1).toMap();
    assertThat(tail).isEqualTo(Map.of("position", 10L, "line", 2L)).hasSize(2);
    assertThat(tail.containsKey("head.crc")).isFalse();
    assertThat(tail.get("modified")).isNull();
    assertThat(FileOffset.fromMap(tail)).isEqualTo(new FileOffset(10, 2, -1, 0, -1));
    assertThatThrownBy(() -> tail.put("position", 0L)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void connectsOffsetConverterWritesAndReadsItAsItWouldAHashMap() {
    JsonConverter converter = new JsonConverter();
    converter.configure(Map.of("schemas.enable", "false"), false);
    Map<String, Object> offset = new FileOffset(4096, 37, 1024, 0xCAFEL, -1).toMap();
    byte[] written = converter.fromConnectData("offsets", null, offset);
    assertThat(new String(written, StandardCharsets.UTF_8))
        .isEqualTo("{\"position\":4096,\"line\":37,\"head.length\":1024,\"head.crc\":51966}");
    @SuppressWarnings("unchecked") // Connect reads a JSON object without schema as a map with string keys
    Map<String, Object> read = (Map<String, Object>) converter.toConnectData("offsets", written).value();
    assertThat(read).isEqualTo(new HashMap<>(offset));
    assertThat(FileOffset.fromMap(read)).isEqualTo(new FileOffset(4096, 37, 1024, 0xCAFEL, -1));
  }
}

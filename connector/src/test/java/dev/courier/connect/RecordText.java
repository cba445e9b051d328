/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

/** A source record's key and headers as text, whether strings or the UTF-8 bytes of a message.class record. */
public final class RecordText {

  private RecordText() {}

  /**
   * A header as text.
   *
   * @param record the record
   * @param key the header name
   * @return the last header of that name as text, or null
   */
  public static String header(SourceRecord record, String key) {
    Header header = record.headers().lastWithName(key);
    if (header == null || header.value() == null) {
      return null;
    }
    return header.value() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) header.value();
  }

  /**
   * The key as text.
   *
   * @param record the record
   * @return the key as text, or null
   */
  public static String keyText(SourceRecord record) {
    Object key = record.key();
    return key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) key;
  }
}

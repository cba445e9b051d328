/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import java.util.HashMap;
import java.util.Map;

/**
 * A file's source offset: where the next record starts, and what identifies the file, so a file replaced at the
 * same path is read from its start instead of from the old file's position.
 *
 * @param position the byte position of the next record
 * @param line the line number of the next record (1-based), or 0 when unknown (an offset set by hand)
 * @param headLength how many of the file's first bytes {@code headCrc} covers (at most {@value #HEAD_BYTES}), or
 *     -1 when unknown
 * @param headCrc the CRC-32C of those bytes
 * @param modified in spool mode, the file's last-modified time in epoch milliseconds when it was read; -1 otherwise
 */
record FileOffset(long position, long line, long headLength, long headCrc, long modified) {

  /** How many of a file's first bytes identify it. */
  static final int HEAD_BYTES = 1024;

  /** The partition key: the file's canonical path. */
  static final String PATH = "path";
  /** The offset key of {@link #position()}. */
  static final String POSITION = "position";
  /** The offset key of {@link #line()}. */
  static final String LINE = "line";
  /** The offset key of {@link #headLength()}. */
  static final String HEAD_LENGTH = "head.length";
  /** The offset key of {@link #headCrc()}. */
  static final String HEAD_CRC = "head.crc";
  /** The offset key of {@link #modified()}. */
  static final String MODIFIED = "modified";

  /**
   * The source partition of a file.
   *
   * @param canonicalPath the file's canonical path
   * @return the partition
   */
  static Map<String, String> partition(String canonicalPath) {
    return Map.of(PATH, canonicalPath);
  }

  /**
   * The offset as Connect stores it.
   *
   * @return the map
   */
  Map<String, Object> toMap() {
    Map<String, Object> map = new HashMap<>(8);
    map.put(POSITION, position);
    map.put(LINE, line);
    if (headLength >= 0) {
      map.put(HEAD_LENGTH, headLength);
      map.put(HEAD_CRC, headCrc);
    }
    if (modified >= 0) {
      map.put(MODIFIED, modified);
    }
    return map;
  }

  /**
   * Reads a stored offset (already validated when set through the REST API).
   *
   * @param map the stored offset, or {@code null}
   * @return the offset, or {@code null} when there is none or it is unusable
   */
  static FileOffset fromMap(Map<String, ?> map) {
    if (map == null || !(map.get(POSITION) instanceof Number position)) {
      return null;
    }
    return new FileOffset(
        position.longValue(),
        number(map.get(LINE), 0),
        number(map.get(HEAD_LENGTH), -1),
        number(map.get(HEAD_CRC), 0),
        number(map.get(MODIFIED), -1));
  }

  private static long number(Object value, long absent) {
    return value instanceof Number n ? n.longValue() : absent;
  }
}

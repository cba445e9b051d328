/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
   * The offset as Connect stores it: an unmodifiable map of {@code position} and {@code line}, then
   * {@code head.length} and {@code head.crc} when known, then {@code modified} in spool mode.
   *
   * <p>Every record carries one, so it is a view of this offset rather than a copy into a {@code HashMap}: building a
   * hash map of boxed numbers per record was half of the text path's poll in a profile, while Connect reads an
   * offset's entries only for the record it commits last.
   *
   * @return the map
   */
  Map<String, Object> toMap() {
    return new AsMap(this);
  }

  /** A read-only view of an offset as Connect's map, entries in a fixed order. */
  private static final class AsMap extends AbstractMap<String, Object> {
    private final FileOffset offset;

    AsMap(FileOffset offset) {
      this.offset = offset;
    }

    @Override
    public Object get(Object key) {
      if (POSITION.equals(key)) {
        return offset.position;
      } else if (LINE.equals(key)) {
        return offset.line;
      } else if (HEAD_LENGTH.equals(key)) {
        return offset.headLength >= 0 ? offset.headLength : null;
      } else if (HEAD_CRC.equals(key)) {
        return offset.headLength >= 0 ? offset.headCrc : null;
      } else if (MODIFIED.equals(key)) {
        return offset.modified >= 0 ? offset.modified : null;
      }
      return null;
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public int size() {
      return 2 + (offset.headLength >= 0 ? 2 : 0) + (offset.modified >= 0 ? 1 : 0);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      Map<String, Object> entries = new LinkedHashMap<>(8);
      entries.put(POSITION, offset.position);
      entries.put(LINE, offset.line);
      if (offset.headLength >= 0) {
        entries.put(HEAD_LENGTH, offset.headLength);
        entries.put(HEAD_CRC, offset.headCrc);
      }
      if (offset.modified >= 0) {
        entries.put(MODIFIED, offset.modified);
      }
      return Collections.unmodifiableMap(entries).entrySet();
    }
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

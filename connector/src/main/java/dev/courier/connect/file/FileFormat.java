/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import dev.courier.connect.ConfigChoice;

/** The input formats of the file source. */
public enum FileFormat implements ConfigChoice {
  /** JSON lines: one JSON object per line. */
  JSON,
  /** CSV with a header row, RFC 4180 quoting and a configurable delimiter. */
  CSV,
  /** Plain text lines: the value is the line. */
  TEXT;

  /**
   * Parses a config value.
   *
   * @param value a config value, case-insensitive
   * @return the format
   */
  public static FileFormat parse(String value) {
    return ConfigChoice.parse(FileFormat.class, value, "a file format");
  }
}

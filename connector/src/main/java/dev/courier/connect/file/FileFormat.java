/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The input formats of the file source. */
public enum FileFormat {
  /** JSON lines: one JSON object per line. */
  JSON,
  /** CSV with a header row, RFC 4180 quoting and a configurable delimiter. */
  CSV,
  /** Plain text lines: the value is the line. */
  TEXT;

  /**
   * The config value, for example {@code json}.
   *
   * @return the config value
   */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Every config value.
   *
   * @return the config values
   */
  public static List<String> configValues() {
    return Arrays.stream(values()).map(FileFormat::configValue).toList();
  }

  /**
   * Parses a config value.
   *
   * @param value a config value, case-insensitive
   * @return the format
   */
  public static FileFormat parse(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}

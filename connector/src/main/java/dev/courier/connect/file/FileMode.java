/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How the file source treats a file. */
public enum FileMode {
  /**
   * Read each file to its end once, then move it to {@code spool.finished.path} or delete it, after every record of
   * it is committed to Kafka.
   */
  SPOOL,
  /** Keep reading what is appended to each file; detect rotation and truncation. */
  TAIL;

  /**
   * The config value, for example {@code spool}.
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
    return Arrays.stream(values()).map(FileMode::configValue).toList();
  }

  /**
   * Parses a config value.
   *
   * @param value a config value, case-insensitive
   * @return the mode
   */
  public static FileMode parse(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import dev.courier.connect.ConfigChoice;

/** How the file source treats a file. */
public enum FileMode implements ConfigChoice {
  /**
   * Read each file to its end once, then move it to {@code spool.finished.path} or delete it, after every record of
   * it is committed to Kafka.
   */
  SPOOL,
  /** Keep reading what is appended to each file; detect rotation and truncation. */
  TAIL;

  /**
   * Parses a config value.
   *
   * @param value a config value, case-insensitive
   * @return the mode
   */
  public static FileMode parse(String value) {
    return ConfigChoice.parse(FileMode.class, value, "a file mode");
  }
}

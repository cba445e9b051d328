/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import dev.courier.connect.ConfigChoice;

/** What the file source does, in spool mode, with a file once every record of it is committed to Kafka. */
public enum FinishedAction implements ConfigChoice {
  /** Move it to {@code spool.finished.path}. */
  MOVE,
  /** Delete it. */
  DELETE;

  /**
   * The action a value of {@code spool.finished.action} selects.
   *
   * @param value a config value, case-insensitive
   * @return the action
   * @throws IllegalArgumentException when the value names no action
   */
  public static FinishedAction parse(String value) {
    return ConfigChoice.parse(FinishedAction.class, value, "a finished-file action");
  }
}

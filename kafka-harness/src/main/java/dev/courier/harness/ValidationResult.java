/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the Connect REST validate endpoint ({@code PUT /connector-plugins/{class}/config/validate}) says about a
 * connector configuration.
 *
 * @param connectorClass the validated connector class
 * @param errorCount the error count the worker reports
 * @param errors config key to its error messages, sorted by key; only keys with at least one error
 */
public record ValidationResult(String connectorClass, int errorCount, SortedMap<String, List<String>> errors) {

  /**
   * Copies the error map.
   */
  public ValidationResult {
    TreeMap<String, List<String>> copy = new TreeMap<>();
    errors.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    errors = Collections.unmodifiableSortedMap(copy);
  }

  /**
   * The error messages on one key.
   *
   * @param key a config key
   * @return its messages, empty when the key has none
   */
  public List<String> errorsFor(String key) {
    return errors.getOrDefault(key, List.of());
  }

  /**
   * Whether the configuration has no error.
   *
   * @return true when valid
   */
  public boolean isValid() {
    return errorCount == 0;
  }
}

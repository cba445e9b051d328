/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accounts for every record a demo run reads back, so that "exactly once" means each expected key arrived once from
 * the path that was to send it, and nothing else arrived.
 *
 * <p>Each path (the connector, or one generated producer's send mode) is given the set of keys it sends. Every record
 * read is then exactly one of: the first record of a key its path was expected to send; a duplicate (a further record
 * of a key already seen from that path); or unexpected (a key its path never sent). A run is exactly once when there
 * are no duplicates and nothing unexpected, and each path's first records number its expected keys, which together
 * mean every expected key arrived exactly once. Counting records alone would let a duplicate hide a missing record.
 */
final class DeliveryLedger {
  private final Map<String, Set<String>> expectedKeys;
  private final Map<String, Map<String, String>> firstSeen = new LinkedHashMap<>();
  private final List<String> duplicates = new ArrayList<>();
  private final List<String> unexpected = new ArrayList<>();

  /**
   * Creates a ledger.
   *
   * @param expectedKeys per path, the keys it sends; a path not named here is expected to send nothing
   */
  DeliveryLedger(Map<String, Set<String>> expectedKeys) {
    this.expectedKeys = Map.copyOf(expectedKeys);
    expectedKeys.keySet().forEach(path -> firstSeen.put(path, new HashMap<>()));
  }

  /**
   * Enters one record read back.
   *
   * @param path the path that wrote it
   * @param key its key ({@code null} for a record without one)
   * @param position where it was read, for example {@code partition 3 offset 42}
   */
  void record(String path, String key, String position) {
    Set<String> keys = expectedKeys.get(path);
    if (keys == null || key == null || !keys.contains(key)) {
      unexpected.add("key " + key + " from " + path + " at " + position + " (that path did not send it)");
      return;
    }
    String first = firstSeen.get(path).putIfAbsent(key, position);
    if (first != null) {
      duplicates.add("key " + key + " from " + path + " at " + position + ", already read at " + first);
    }
  }

  /**
   * Whether every key expected from {@code path} has been read from it.
   *
   * @param path a path named when the ledger was created
   * @return {@code true} when its distinct keys read equal its expected keys
   */
  boolean complete(String path) {
    return distinctKeys(path) == expectedKeys.get(path).size();
  }

  /**
   * The distinct expected keys read from {@code path}.
   *
   * @param path a path named when the ledger was created
   * @return how many of its keys were read at least once
   */
  long distinctKeys(String path) {
    return firstSeen.get(path).size();
  }

  /**
   * Records of a key already read from the same path, each with both positions.
   *
   * @return the duplicates, in the order read
   */
  List<String> duplicates() {
    return List.copyOf(duplicates);
  }

  /**
   * Records whose key the path that wrote them never sent, or that could not be told apart by key.
   *
   * @return the unexpected records, in the order read
   */
  List<String> unexpected() {
    return List.copyOf(unexpected);
  }
}

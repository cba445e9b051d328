/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One source partition's committed offset, as the Connect REST API shows it ({@code GET /connectors/{name}/offsets},
 * KIP-875).
 *
 * @param partition the source partition, e.g. {@code {"file": "/data/in.csv"}}
 * @param offset the offset, e.g. {@code {"position": 1024}}; null in an alter request means "remove this partition's
 *     offset"
 */
public record ConnectorOffset(Map<String, Object> partition, Map<String, Object> offset) {

  /**
   * Copies both maps (values may be null, as JSON allows).
   */
  public ConnectorOffset {
    partition = Collections.unmodifiableMap(new LinkedHashMap<>(partition));
    offset = offset == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(offset));
  }
}

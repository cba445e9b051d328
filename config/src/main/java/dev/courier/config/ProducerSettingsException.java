/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;

/**
 * Producer settings that break Courier's rules, thrown before a producer is created. It is a Kafka
 * {@link ConfigException}, so code that already handles Kafka's configuration errors handles it too.
 */
public final class ProducerSettingsException extends ConfigException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  /**
   * Creates the exception for one or more errors.
   *
   * @param violations the violations, at least one
   */
  public ProducerSettingsException(List<Violation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  /**
   * The violations, in the order the rules found them.
   *
   * @return the violations, never empty
   */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("no violations");
    }
    if (violations.size() == 1) {
      return violations.get(0).toString();
    }
    return violations.size()
        + " producer settings are invalid:"
        + violations.stream().map(v -> "\n  " + v).collect(Collectors.joining());
  }
}

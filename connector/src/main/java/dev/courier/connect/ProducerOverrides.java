/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import dev.courier.config.MessageDescriptor;
import dev.courier.config.ProducerSettings;
import dev.courier.config.ProducerSettingsException;
import dev.courier.config.Severity;
import dev.courier.config.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Checks a connector's {@code producer.override.*} keys with Courier's shared producer rules, and against the
 * settings a {@code message.class} type fixes. Each problem is attached to the exact {@code producer.override.<key>}
 * name, so Connect's validate endpoint shows it next to that key.
 */
public final class ProducerOverrides {

  /** The prefix Connect gives per-connector producer settings. */
  public static final String PREFIX = "producer.override.";

  private ProducerOverrides() {}

  /**
   * The producer overrides in a connector config, with the prefix removed.
   *
   * @param connectorConfig the connector config
   * @return producer key to value, sorted
   */
  public static Map<String, String> of(Map<String, String> connectorConfig) {
    Map<String, String> overrides = new TreeMap<>();
    connectorConfig.forEach((key, value) -> {
      if (key.startsWith(PREFIX) && value != null) {
        overrides.put(key.substring(PREFIX.length()), value);
      }
    });
    return overrides;
  }

  /**
   * Every error in the overrides: a rule they break, a value that contradicts one the message type fixes, or a
   * setting the message type fixes that the overrides leave to the worker's default (the connector's producer would
   * then silently send with other settings than the generated producer). The transactional id is the exception:
   * Connect's exactly-once support manages it.
   *
   * @param connectorName the connector's name, for messages
   * @param connectorConfig the connector config
   * @param descriptor the message type's descriptor, or {@code null}
   * @return {@code producer.override.<key>} to its error messages, in a stable order
   */
  public static Map<String, List<String>> errors(
      String connectorName, Map<String, String> connectorConfig, MessageDescriptor descriptor) {
    Map<String, String> overrides = of(connectorConfig);
    Map<String, List<String>> errors = new LinkedHashMap<>();
    ProducerSettings settings = ProducerSettings.fromProperties(overrides, "connector config " + connectorName);
    for (Violation violation : settings.violations()) {
      if (violation.severity() == Severity.ERROR) {
        add(errors, violation.key(), violation.toString());
      }
    }
    if (descriptor == null || !errors.isEmpty()) {
      return errors;
    }
    ProducerSettings fixed = descriptor.settings();
    Map<String, String> comparable = new TreeMap<>(overrides);
    comparable.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    try {
      fixed.merge(comparable);
    } catch (ProducerSettingsException e) {
      for (Violation violation : e.violations()) {
        add(errors, violation.key(), violation.toString());
      }
    }
    for (Map.Entry<String, String> entry : fixed.toProperties().entrySet()) {
      String key = entry.getKey();
      if (key.equals(ProducerConfig.TRANSACTIONAL_ID_CONFIG) || overrides.containsKey(key)) {
        continue;
      }
      String origin = fixed.origin(key).map(o -> " (fixed by " + o + ")").orElse("");
      add(errors, key, "[courier.connector.fixed-setting] message.class " + descriptor.messageClassName()
          + " fixes " + key + "=" + entry.getValue() + origin + ", but the connector config does not set it, so the"
          + " connector's producer would use the worker's value. Fix: add " + PREFIX + key + "=" + entry.getValue()
          + " to the connector config.");
    }
    return errors;
  }

  private static void add(Map<String, List<String>> errors, String key, String message) {
    errors.computeIfAbsent(PREFIX + key, k -> new ArrayList<>()).add(message);
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import dev.courier.config.MessageDescriptor;
import dev.courier.config.ProducerOverrideConfig;
import dev.courier.config.ProducerSettings;
import dev.courier.config.Severity;
import dev.courier.config.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a connector's {@code producer.override.*} keys with Courier's shared producer rules
 * ({@link ProducerOverrideConfig#validate(Map, ProducerSettings)}), on top of Kafka Connect's producer defaults and
 * against the settings a {@code message.class} type fixes: a value that contradicts a fixed one, or a fixed setting
 * left to a worker default that differs, is an error on that {@code producer.override.<key>}. Warnings are logged,
 * not reported, since Connect's validate endpoint only knows errors, which would block the connector.
 */
public final class ProducerOverrides {

  /** The prefix Connect gives per-connector producer settings. */
  public static final String PREFIX = ProducerOverrideConfig.PREFIX;

  private static final Logger LOG = LoggerFactory.getLogger(ProducerOverrides.class);

  private ProducerOverrides() {}

  /**
   * Every error in the overrides.
   *
   * @param connectorName the connector's name, for logs
   * @param connectorConfig the connector config
   * @param descriptor the message type's descriptor, or {@code null}
   * @return {@code producer.override.<key>} to its error messages ({@code [rule id] message}), in a stable order
   */
  public static Map<String, List<String>> errors(
      String connectorName, Map<String, String> connectorConfig, MessageDescriptor descriptor) {
    ProducerSettings fixed = descriptor == null ? ProducerSettings.empty() : descriptor.settings();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    ProducerOverrideConfig.validate(connectorConfig, fixed).forEach((key, violations) -> {
      for (Violation violation : violations) {
        if (violation.severity() == Severity.ERROR) {
          errors.computeIfAbsent(key, k -> new ArrayList<>()).add(violation.toString());
        } else {
          LOG.warn("Connector {}: {} ({})", connectorName, violation, key);
        }
      }
    });
    return errors;
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;

/** What the connectors' {@code validate()} tests share: configs varied key by key, and the errors per key. */
public final class ConnectorConfigs {

  private ConnectorConfigs() {}

  /**
   * Changes a config.
   *
   * @param config the config, changed in place
   * @param more keys and values, alternating; a {@code null} value removes its key
   * @return the same config
   */
  public static Map<String, String> with(Map<String, String> config, String... more) {
    for (int i = 0; i < more.length; i += 2) {
      if (more[i + 1] == null) {
        config.remove(more[i]);
      } else {
        config.put(more[i], more[i + 1]);
      }
    }
    return config;
  }

  /**
   * What {@code validate()} says about a config.
   *
   * @param connector the connector
   * @param config the config
   * @return the error messages of each key that has any
   */
  public static Map<String, List<String>> errors(Connector connector, Map<String, String> config) {
    return connector.validate(config).configValues().stream()
        .filter(v -> !v.errorMessages().isEmpty())
        .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
  }
}

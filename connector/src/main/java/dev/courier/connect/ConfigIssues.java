/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;

/**
 * The result of a connector's {@code validate()} being built: the per-key results of the {@code ConfigDef}, to which
 * cross-key checks attach their errors on the exact key (adding a result for a key the definition does not know,
 * such as {@code producer.override.acks}).
 */
public final class ConfigIssues {

  private final Map<String, ConfigValue> values = new LinkedHashMap<>();
  private final Map<String, String> config;

  /**
   * Starts from the results of the definition.
   *
   * @param validated the results of {@code ConfigDef.validate}
   * @param config the connector config being validated
   */
  public ConfigIssues(Config validated, Map<String, String> config) {
    for (ConfigValue value : validated.configValues()) {
      values.put(value.name(), value);
    }
    this.config = config;
  }

  /**
   * Attaches an error to a key.
   *
   * @param key the key the error is about
   * @param message what is wrong and how to fix it
   */
  public void add(String key, String message) {
    values.computeIfAbsent(key, k -> new ConfigValue(k, shown(k), new ArrayList<>(), new ArrayList<>()))
        .addErrorMessage(message);
  }

  /**
   * Sets the values of a key that apply to this config, shown as its recommended values (a UI offers them as the
   * choices).
   *
   * @param key the key
   * @param recommended the values that apply
   */
  public void recommend(String key, List<String> recommended) {
    values.computeIfAbsent(key, k -> new ConfigValue(k, shown(k), new ArrayList<>(), new ArrayList<>()))
        .recommendedValues(new ArrayList<>(recommended));
  }

  /** A key's value for the result; a secret (see {@link ProducerOverrideConfig#isSecret}) as a hidden password. */
  private Object shown(String key) {
    String value = config.get(key);
    return value != null && ProducerOverrideConfig.isSecret(key) ? new Password(value) : value;
  }

  /**
   * Whether a key already has an error (then checks that depend on its value are skipped).
   *
   * @param key the key
   * @return whether it has an error
   */
  public boolean hasError(String key) {
    ConfigValue value = values.get(key);
    return value != null && !value.errorMessages().isEmpty();
  }

  /**
   * Whether any key has an error.
   *
   * @return whether there is an error
   */
  public boolean hasErrors() {
    return values.values().stream().anyMatch(v -> !v.errorMessages().isEmpty());
  }

  /**
   * The errors attached to a key.
   *
   * @param key the key
   * @return its error messages, empty when none
   */
  public List<String> errors(String key) {
    ConfigValue value = values.get(key);
    return value == null ? List.of() : value.errorMessages();
  }

  /**
   * Every error as one line of text, for a start that refuses the config: {@code key: message. key: message.}
   *
   * @return the errors, in key order of the definition
   */
  public String summary() {
    StringBuilder text = new StringBuilder();
    for (ConfigValue value : values.values()) {
      for (String message : value.errorMessages()) {
        text.append(text.length() == 0 ? "" : " ").append(value.name()).append(": ").append(message)
            .append(message.endsWith(".") ? "" : ".");
      }
    }
    return text.toString();
  }

  /**
   * The validate result.
   *
   * @return the config with every key's result
   */
  public Config toConfig() {
    return new Config(new ArrayList<>(values.values()));
  }
}

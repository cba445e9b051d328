/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Kafka producer property values: their string form, comparison as Kafka parses them, and display. */
final class PropertyValues {

  /** Kafka's own definition of the producer keys, read once. */
  static final Map<String, ConfigDef.ConfigKey> PRODUCER_KEYS = ProducerConfig.configDef().configKeys();

  private PropertyValues() {}

  /** The form Kafka would parse back to the same value: class names, comma-joined lists, plain text. */
  static String toKafkaString(Object value) {
    if (value instanceof Class<?> type) {
      return type.getName();
    }
    if (value instanceof Password password) {
      return password.value();
    }
    if (value instanceof Collection<?> list) {
      return list.stream().map(PropertyValues::toKafkaString).collect(Collectors.joining(","));
    }
    return String.valueOf(value);
  }

  /** Whether two values of a key mean the same to Kafka ({@code acks=-1} and {@code acks=all}, {@code 5} and "5"). */
  static boolean sameValue(String key, String fixed, Object runtime) {
    ConfigDef.ConfigKey definition = PRODUCER_KEYS.get(key);
    String runtimeText = toKafkaString(runtime);
    if (definition == null) {
      return fixed.trim().equals(runtimeText.trim());
    }
    if (key.equals(ProducerConfig.TRANSACTIONAL_ID_CONFIG)) {
      // The fixed id is a prefix: each instance may append its own suffix.
      return runtimeText.startsWith(fixed);
    }
    try {
      Object a = normalize(key, ConfigDef.parseType(key, fixed, definition.type));
      Object b = normalize(key, ConfigDef.parseType(key, runtimeText, definition.type));
      return Objects.equals(a, b);
    } catch (ConfigException e) {
      return fixed.trim().equals(runtimeText.trim());
    }
  }

  private static Object normalize(String key, Object parsed) {
    if (parsed instanceof String text) {
      String lower = text.trim().toLowerCase(java.util.Locale.ROOT);
      if (key.equals(ProducerConfig.ACKS_CONFIG) && lower.equals("-1")) {
        return "all";
      }
      return lower;
    }
    return parsed;
  }

  /** Whether the key holds a secret that must never be shown. */
  static boolean isSecret(String key) {
    ConfigDef.ConfigKey definition = PRODUCER_KEYS.get(key);
    if (definition != null) {
      return definition.type == ConfigDef.Type.PASSWORD;
    }
    String lower = key.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("password") || lower.contains("secret") || lower.endsWith("jaas.config");
  }

  /** The value as it may appear in a message, log or {@code toString}: secrets are hidden. */
  static String display(String key, String value) {
    if (value == null) {
      return "null";
    }
    return isSecret(key) ? "[hidden]" : value;
  }
}

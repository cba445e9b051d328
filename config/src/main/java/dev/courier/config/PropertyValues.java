/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Kafka producer property values: their string form, parsing and comparison as Kafka does it, and display. */
final class PropertyValues {

  /** Kafka's own definition of the producer keys, read once. */
  static final Map<String, ConfigDef.ConfigKey> PRODUCER_KEYS = ProducerConfig.configDef().configKeys();

  /** Kafka's defaults of the producer keys that have one. */
  static final Map<String, Object> KAFKA_DEFAULTS = ProducerConfig.configDef().defaultValues();

  /** What a hidden secret is shown as. */
  static final String HIDDEN = "[hidden]";

  /** A Java binary class name, for example {@code com.acme.Outer$Inner}. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
          + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");

  /** Parts of unknown key names that mark a secret (for example a schema registry's basic.auth.user.info). */
  private static final String[] SECRET_WORDS = {
    "pass", "pwd", "secret", "jaas", "credential", "token", "user.info", "api.key", "apikey", "private.key"
  };

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

  /**
   * Parses and validates a value of a known producer key exactly as Kafka's {@code ProducerConfig} definition does
   * (type, then validator), except that a class name is checked for its form and not loaded: the class loader that
   * matters is the producer's, at run time, not the compiler's or the connector's.
   *
   * @throws ConfigException with Kafka's message when Kafka rejects the value
   * @throws IllegalArgumentException when the key is not a producer key
   */
  static Object parse(String key, String value) {
    ConfigDef.ConfigKey definition = PRODUCER_KEYS.get(key);
    if (definition == null) {
      throw new IllegalArgumentException(key + " is not a Kafka producer key");
    }
    if (definition.type == ConfigDef.Type.CLASS) {
      String name = value.trim();
      if (!CLASS_NAME.matcher(name).matches()) {
        throw new ConfigException(key, value, "Not a Java class name");
      }
      return name;
    }
    Object parsed = ConfigDef.parseType(key, value, definition.type);
    if (definition.validator != null) {
      definition.validator.ensureValid(key, parsed);
    }
    return parsed;
  }

  /** The parsed value of a known producer key, or empty when it is not a producer key or Kafka rejects it. */
  static Optional<Object> tryParse(String key, String value) {
    if (value == null || !PRODUCER_KEYS.containsKey(key)) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(key, value));
    } catch (ConfigException e) {
      return Optional.empty();
    }
  }

  /** What Kafka accepts for a key, for messages: the validator's description, or the type. */
  static String accepted(String key) {
    ConfigDef.ConfigKey definition = PRODUCER_KEYS.get(key);
    if (definition.type == ConfigDef.Type.CLASS) {
      return "a class name";
    }
    if (definition.validator != null) {
      return definition.validator.toString();
    }
    return "a value of type " + definition.type.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether two values of a key mean the same to Kafka ({@code acks=-1} and {@code acks=all}, {@code 5} and
   * {@code "5"}, {@code " gzip"} and {@code "gzip"}). Case matters, except for keys Kafka reads case-insensitively.
   */
  static boolean sameValue(String key, String fixed, Object runtime) {
    String runtimeText = toKafkaString(runtime);
    Optional<Object> a = tryParse(key, fixed).map(v -> normalize(key, v));
    Optional<Object> b = tryParse(key, runtimeText).map(v -> normalize(key, v));
    if (a.isPresent() && b.isPresent()) {
      return Objects.equals(a.get(), b.get());
    }
    return fixed.trim().equals(runtimeText.trim());
  }

  private static Object normalize(String key, Object parsed) {
    if (parsed instanceof String text) {
      if (key.equals(ProducerConfig.ACKS_CONFIG) && text.equals("-1")) {
        return "all";
      }
      ConfigDef.ConfigKey definition = PRODUCER_KEYS.get(key);
      if (definition.validator instanceof ConfigDef.CaseInsensitiveValidString) {
        return text.toLowerCase(Locale.ROOT);
      }
    }
    if (parsed instanceof Password password) {
      return password.value();
    }
    return parsed;
  }

  /**
   * Whether the key holds a secret that must never be shown: a producer key Kafka types {@code PASSWORD}, or an
   * unknown key whose name looks like a secret's or that is a misspelling of a {@code PASSWORD} key (a user who
   * writes {@code ssl.key.pasword} still typed a password into it).
   */
  static boolean isSecret(String key) {
    ConfigDef.ConfigKey definition = PRODUCER_KEYS.get(key);
    if (definition != null) {
      return definition.type == ConfigDef.Type.PASSWORD;
    }
    String lower = key.toLowerCase(Locale.ROOT);
    for (String word : SECRET_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return Suggestions.closest(lower, PRODUCER_KEYS.keySet())
        .map(closest -> PRODUCER_KEYS.get(closest).type == ConfigDef.Type.PASSWORD)
        .orElse(false);
  }

  /** The value as it may appear in a message, log or {@code toString}: secrets are hidden. */
  static String display(String key, String value) {
    if (value == null) {
      return "null";
    }
    return isSecret(key) ? HIDDEN : value;
  }
}

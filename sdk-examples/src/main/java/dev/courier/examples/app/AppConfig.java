/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.app;

import dev.courier.config.ProducerSettingsException;
import dev.courier.config.Violation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The runtime configuration of an example application: Kafka producer properties (bootstrap servers, security,
 * client id, ...) from a properties file, each overridable by an environment variable, the way containers are
 * configured.
 *
 * <ul>
 *   <li>The file: the path given on the command line, else the one in {@value #CONFIG_FILE_ENV}, else none.</li>
 *   <li>Then every environment variable {@code COURIER_PRODUCER_<KEY>} sets producer key {@code <key>}: upper case
 *       to lower case, {@code _} to {@code .}, {@code __} to {@code _}. For example
 *       {@code COURIER_PRODUCER_BOOTSTRAP_SERVERS=kafka:9092} sets {@code bootstrap.servers} and
 *       {@code COURIER_PRODUCER_SASL_JAAS_CONFIG} sets {@code sasl.jaas.config}.</li>
 * </ul>
 *
 * <p>Each value remembers where it came from, so an error can say which file or variable to fix. Values of
 * Kafka's password-type keys (such as {@code sasl.jaas.config} or {@code ssl.key.password}) never appear in
 * {@link #toString()} or in {@link #describe(String)}.
 *
 * <p>These properties are merged with what the message type fixes by the generated producer's {@code create}: a
 * runtime value that contradicts a fixed one fails there, with a message naming the key.
 */
public final class AppConfig {
  /** The environment variable with the path of the properties file, used when none is given on the command line. */
  public static final String CONFIG_FILE_ENV = "COURIER_CONFIG";
  /** The prefix of environment variables that set producer properties. */
  public static final String ENV_PREFIX = "COURIER_PRODUCER_";

  private static final ConfigDef PRODUCER_KEYS = ProducerConfig.configDef();

  private final Map<String, String> values;
  private final Map<String, String> sources;

  private AppConfig(Map<String, String> values, Map<String, String> sources) {
    this.values = Collections.unmodifiableMap(values);
    this.sources = Collections.unmodifiableMap(sources);
  }

  /**
   * Loads the configuration.
   *
   * @param file the properties file given on the command line, or {@code null} to use {@value #CONFIG_FILE_ENV}
   * @param env the environment, usually {@code System.getenv()}
   * @return the configuration
   * @throws AppException when the file cannot be read or a variable is malformed; the message names it
   */
  public static AppConfig load(Path file, Map<String, String> env) {
    Map<String, String> values = new TreeMap<>();
    Map<String, String> sources = new TreeMap<>();
    Path path = file;
    String pathSource = "the command line";
    if (path == null && env.get(CONFIG_FILE_ENV) != null && !env.get(CONFIG_FILE_ENV).isBlank()) {
      path = Path.of(env.get(CONFIG_FILE_ENV).trim());
      pathSource = "environment variable " + CONFIG_FILE_ENV;
    }
    if (path != null) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (NoSuchFileException e) {
        throw new AppException("the configuration file " + path.toAbsolutePath() + " (from " + pathSource
            + ") does not exist");
      } catch (IOException | IllegalArgumentException e) {
        throw new AppException("cannot read the configuration file " + path.toAbsolutePath() + " (from "
            + pathSource + "): " + e.getMessage());
      }
      for (String key : properties.stringPropertyNames()) {
        values.put(key, properties.getProperty(key).trim());
        sources.put(key, "file " + path);
      }
    }
    for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
      String name = variable.getKey();
      if (!name.startsWith(ENV_PREFIX)) {
        continue;
      }
      String key = keyOf(name);
      if (key.isEmpty() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
        throw new AppException("environment variable " + name + " does not name a producer key; use "
            + ENV_PREFIX + "<KEY> with _ for . and __ for _, e.g. " + ENV_PREFIX + "BOOTSTRAP_SERVERS");
      }
      values.put(key, variable.getValue().trim());
      sources.put(key, "environment variable " + name);
    }
    return new AppConfig(values, sources);
  }

  /**
   * The producer key an environment variable sets.
   *
   * @param variable e.g. {@code COURIER_PRODUCER_BOOTSTRAP_SERVERS}
   * @return e.g. {@code bootstrap.servers}
   */
  static String keyOf(String variable) {
    String rest = variable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
    return rest.replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
  }

  /**
   * The producer properties to pass to a generated producer's {@code create}.
   *
   * @return key to value, sorted by key
   */
  public Map<String, Object> producerProperties() {
    return new LinkedHashMap<>(values);
  }

  /**
   * Returns a copy with one more property, unless the file or environment set it: a default of the application,
   * such as its {@code client.id}.
   *
   * @param key the producer key
   * @param value the default value
   * @return the configuration with the default
   */
  public AppConfig withDefault(String key, String value) {
    if (values.containsKey(key)) {
      return this;
    }
    Map<String, String> newValues = new TreeMap<>(values);
    Map<String, String> newSources = new TreeMap<>(sources);
    newValues.put(key, value);
    newSources.put(key, "the application's default");
    return new AppConfig(newValues, newSources);
  }

  /**
   * Where a key's value came from, for error messages.
   *
   * @param key a producer key
   * @return e.g. {@code bootstrap.servers=kafka:9092 (from environment variable COURIER_PRODUCER_BOOTSTRAP_SERVERS)},
   *     or {@code bootstrap.servers is not set} ; a password's value is shown as {@code [hidden]}
   */
  public String describe(String key) {
    if (!values.containsKey(key)) {
      return key + " is not set";
    }
    return key + "=" + shown(key) + " (from " + sources.get(key) + ")";
  }

  private String shown(String key) {
    ConfigDef.ConfigKey definition = PRODUCER_KEYS.configKeys().get(key);
    return definition != null && definition.type == ConfigDef.Type.PASSWORD ? "[hidden]" : values.get(key);
  }

  /**
   * Explains why a generated producer's {@code create} rejected this configuration: each violation, then where each
   * runtime value it is about came from.
   *
   * @param e the exception {@code create} threw
   * @return a message for the operator, without a stack trace
   */
  public String explain(ProducerSettingsException e) {
    StringBuilder sb = new StringBuilder("the producer configuration is invalid:");
    Set<String> keys = new TreeSet<>();
    for (Violation violation : e.violations()) {
      sb.append("\n  ").append(violation);
      keys.add(violation.key());
      keys.addAll(violation.relatedKeys());
    }
    keys.stream().filter(values::containsKey).forEach(key -> sb.append("\n  runtime value: ").append(describe(key)));
    return sb.toString();
  }

  /** Every key with its value and source; passwords hidden. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("AppConfig[");
    values.keySet().forEach(key -> sb.append(sb.length() > 10 ? ", " : "").append(describe(key)));
    return sb.append(']').toString();
  }
}

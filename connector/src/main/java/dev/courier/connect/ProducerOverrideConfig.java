/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import dev.courier.Acks;
import dev.courier.Compression;
import dev.courier.config.HostedProducer;
import dev.courier.config.MessageDescriptor;
import dev.courier.config.ProducerSettings;
import dev.courier.config.Rule;
import dev.courier.config.Severity;
import dev.courier.config.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer settings a Courier source connector accepts, as the {@code producer.override.*} keys of its
 * connector config, with a Connect {@link ConfigDef} and the check that {@code validate()} runs.
 *
 * <p>Kafka Connect's worker builds each source task's producer from its own defaults, then the worker's
 * {@code producer.*} settings, then the connector config's {@code producer.override.*} keys (when the worker's
 * {@code connector.client.config.override.policy} allows them). A connector cannot set producer properties itself,
 * so these keys are how a Courier connector gets its delivery settings. {@link #validate(Map, ProducerSettings)}
 * describes the worker's producer as a {@link HostedProducer} and checks it with the same rules as every other surface
 * (see {@link Rule}), on top of Kafka Connect's own producer
 * defaults ({@code acks=all}, {@code enable.idempotence=false}, {@code max.in.flight.requests.per.connection=1},
 * {@code delivery.timeout.ms=2147483647}), and returns each violation under the connector config key it is about, so
 * the REST validate endpoint shows it next to that field.
 *
 * <p>{@code producer.override.transactional.id} is not accepted ({@link Rule#CONNECT_TRANSACTIONAL_ID}): the worker
 * manages transactional ids under exactly-once source support, and a worker without it never starts a transaction.
 * Other {@code producer.override.*} keys are passed to the worker as they are; they are checked by the same rules
 * (an unknown key is an error with a "did you mean"), but are not described here.
 *
 * <p>The {@code *_CONFIG} constants are the full connector config keys; every key is optional (its default
 * {@code null} means "not overridden: the worker's value applies"). Validators are Kafka's own, accepting a missing
 * value; their {@code toString} is what the reference docs show.
 *
 * <p>The {@code producer.override.*} key names are the connector's API; this class is not.
 */
public final class ProducerOverrideConfig {

  /** The prefix of the connector config keys that override a source task's producer properties. */
  public static final String PREFIX = "producer.override.";

  /** The group of the keys about what a send guarantees. */
  public static final String DELIVERY_GROUP = "Producer overrides: delivery";

  /** The group of the keys about batching and compression. */
  public static final String BATCHING_GROUP = "Producer overrides: batching";

  /** <code>producer.override.acks</code> */
  public static final String ACKS_CONFIG = PREFIX + ProducerConfig.ACKS_CONFIG;
  /** The documentation of {@link #ACKS_CONFIG}. */
  public static final String ACKS_DOC = "How many replicas must have a record before the broker acknowledges it:"
      + " 0 (no acknowledgement; nothing is retried), 1 (the partition leader) or all (every in-sync replica; -1 is a"
      + " synonym). Idempotence and exactly-once source support need all. Kafka Connect's default: all.";

  /** <code>producer.override.enable.idempotence</code> */
  public static final String ENABLE_IDEMPOTENCE_CONFIG = PREFIX + ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG;
  /** The documentation of {@link #ENABLE_IDEMPOTENCE_CONFIG}. */
  public static final String ENABLE_IDEMPOTENCE_DOC = "Whether the producer writes each record exactly once per"
      + " partition despite retries. Needs acks=all, retries > 0 and max.in.flight.requests.per.connection <= 5."
      + " Kafka Connect's default: false; exactly-once source support turns it on whatever is set here.";

  /** <code>producer.override.retries</code> */
  public static final String RETRIES_CONFIG = PREFIX + ProducerConfig.RETRIES_CONFIG;
  /** The documentation of {@link #RETRIES_CONFIG}. */
  public static final String RETRIES_DOC = "How often a failed send is retried; delivery.timeout.ms bounds the"
      + " time spent. 0 turns idempotence off. Kafka's default: 2147483647.";

  /** <code>producer.override.max.in.flight.requests.per.connection</code> */
  public static final String MAX_IN_FLIGHT_CONFIG = PREFIX + ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION;
  /** The documentation of {@link #MAX_IN_FLIGHT_CONFIG}. */
  public static final String MAX_IN_FLIGHT_DOC = "How many unacknowledged requests the producer sends per broker"
      + " connection. At most 5 with idempotence; above 1 without idempotence, a retry can reorder records."
      + " Kafka Connect's default: 1.";

  /** <code>producer.override.delivery.timeout.ms</code> */
  public static final String DELIVERY_TIMEOUT_MS_CONFIG = PREFIX + ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG;
  /** The documentation of {@link #DELIVERY_TIMEOUT_MS_CONFIG}. */
  public static final String DELIVERY_TIMEOUT_MS_DOC = "The upper bound, in milliseconds, on the time to report"
      + " a send's success or failure, retries included. Must be >= linger.ms + request.timeout.ms. Kafka Connect's"
      + " default: 2147483647.";

  /** <code>producer.override.request.timeout.ms</code> */
  public static final String REQUEST_TIMEOUT_MS_CONFIG = PREFIX + ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG;
  /** The documentation of {@link #REQUEST_TIMEOUT_MS_CONFIG}. */
  public static final String REQUEST_TIMEOUT_MS_DOC = "How long, in milliseconds, the producer waits for the"
      + " answer to one request before it retries or fails it. Kafka's default: 30000.";

  /** <code>producer.override.batch.size</code> */
  public static final String BATCH_SIZE_CONFIG = PREFIX + ProducerConfig.BATCH_SIZE_CONFIG;
  /** The documentation of {@link #BATCH_SIZE_CONFIG}. */
  public static final String BATCH_SIZE_DOC = "The largest batch of records, in bytes, sent to one partition in"
      + " one request. Must be <= buffer.memory. Kafka's default: 16384.";

  /** <code>producer.override.linger.ms</code> */
  public static final String LINGER_MS_CONFIG = PREFIX + ProducerConfig.LINGER_MS_CONFIG;
  /** The documentation of {@link #LINGER_MS_CONFIG}. */
  public static final String LINGER_MS_DOC = "How long, in milliseconds, the producer waits for a batch to fill"
      + " before it sends it; larger values trade latency for throughput. Kafka's default: 5.";

  /** <code>producer.override.buffer.memory</code> */
  public static final String BUFFER_MEMORY_CONFIG = PREFIX + ProducerConfig.BUFFER_MEMORY_CONFIG;
  /** The documentation of {@link #BUFFER_MEMORY_CONFIG}. */
  public static final String BUFFER_MEMORY_DOC = "The memory, in bytes, the producer uses to hold records waiting"
      + " to be sent. Must be >= batch.size. Kafka's default: 33554432.";

  /** <code>producer.override.compression.type</code> */
  public static final String COMPRESSION_TYPE_CONFIG = PREFIX + ProducerConfig.COMPRESSION_TYPE_CONFIG;
  /** The documentation of {@link #COMPRESSION_TYPE_CONFIG}. */
  public static final String COMPRESSION_TYPE_DOC = "How record batches are compressed: none, gzip, snappy, lz4"
      + " or zstd, in lower case. Kafka's default: none.";

  /** The producer keys a Courier connector does not accept as overrides, with the rule that rejects each. */
  public static final Map<String, Rule> NOT_ACCEPTED =
      Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, Rule.CONNECT_TRANSACTIONAL_ID);

  /** The connector config key with which a connector asks for exactly-once source support (KIP-618). */
  static final String EXACTLY_ONCE_SUPPORT_CONFIG = "exactly.once.support";

  static final String CONNECTOR_ORIGIN = "set in the connector config";
  static final String CONNECT_DEFAULT_ORIGIN = "set by Kafka Connect's worker as its default";
  static final String EXACTLY_ONCE_ORIGIN = "set by Kafka Connect's exactly-once source support";

  /** Kafka Connect's own producer defaults for source tasks (Worker.baseProducerConfigs, Kafka 4.4). */
  static final ProducerSettings CONNECT_DEFAULTS = ProducerSettings.fromProperties(Map.of(
      ProducerConfig.ACKS_CONFIG, "all",
      ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false",
      ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1",
      ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE),
      ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(Long.MAX_VALUE)), CONNECT_DEFAULT_ORIGIN);

  private static final Map<String, ConfigDef.ConfigKey> PRODUCER_KEYS = ProducerConfig.configDef().configKeys();

  private static final Logger LOG = LoggerFactory.getLogger(ProducerOverrideConfig.class);

  private static final ConfigDef CONFIG = define();

  private ProducerOverrideConfig() {}

  private static ConfigDef define() {
    ConfigDef def = new ConfigDef();
    int order = 0;
    def.define(ACKS_CONFIG, Type.STRING, null, kafkaValidator(ProducerConfig.ACKS_CONFIG), Importance.HIGH, ACKS_DOC,
        DELIVERY_GROUP, ++order, Width.SHORT, "Acks", List.of(), values(Acks.ALL.value(), Acks.LEADER.value(),
            Acks.NONE.value()));
    def.define(ENABLE_IDEMPOTENCE_CONFIG, Type.BOOLEAN, null, Importance.HIGH, ENABLE_IDEMPOTENCE_DOC,
        DELIVERY_GROUP, ++order, Width.SHORT, "Idempotence", List.of(), values(true, false));
    def.define(RETRIES_CONFIG, Type.INT, null, kafkaValidator(ProducerConfig.RETRIES_CONFIG), Importance.MEDIUM,
        RETRIES_DOC, DELIVERY_GROUP, ++order, Width.SHORT, "Retries");
    def.define(MAX_IN_FLIGHT_CONFIG, Type.INT, null,
        kafkaValidator(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), Importance.MEDIUM, MAX_IN_FLIGHT_DOC,
        DELIVERY_GROUP, ++order, Width.SHORT, "Max in-flight requests per connection");
    def.define(DELIVERY_TIMEOUT_MS_CONFIG, Type.INT, null, kafkaValidator(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG),
        Importance.MEDIUM, DELIVERY_TIMEOUT_MS_DOC, DELIVERY_GROUP, ++order, Width.MEDIUM, "Delivery timeout (ms)");
    def.define(REQUEST_TIMEOUT_MS_CONFIG, Type.INT, null, kafkaValidator(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG),
        Importance.LOW, REQUEST_TIMEOUT_MS_DOC, DELIVERY_GROUP, ++order, Width.MEDIUM, "Request timeout (ms)");
    order = 0;
    def.define(BATCH_SIZE_CONFIG, Type.INT, null, kafkaValidator(ProducerConfig.BATCH_SIZE_CONFIG), Importance.MEDIUM,
        BATCH_SIZE_DOC, BATCHING_GROUP, ++order, Width.MEDIUM, "Batch size (bytes)");
    def.define(LINGER_MS_CONFIG, Type.LONG, null, kafkaValidator(ProducerConfig.LINGER_MS_CONFIG), Importance.MEDIUM,
        LINGER_MS_DOC, BATCHING_GROUP, ++order, Width.SHORT, "Linger (ms)");
    def.define(BUFFER_MEMORY_CONFIG, Type.LONG, null, kafkaValidator(ProducerConfig.BUFFER_MEMORY_CONFIG),
        Importance.LOW, BUFFER_MEMORY_DOC, BATCHING_GROUP, ++order, Width.MEDIUM, "Buffer memory (bytes)");
    List<Object> codecs = new ArrayList<>();
    Arrays.stream(Compression.values()).forEach(c -> codecs.add(c.value()));
    def.define(COMPRESSION_TYPE_CONFIG, Type.STRING, null, kafkaValidator(ProducerConfig.COMPRESSION_TYPE_CONFIG),
        Importance.MEDIUM, COMPRESSION_TYPE_DOC, BATCHING_GROUP, ++order, Width.SHORT, "Compression",
        List.of(), values(codecs.toArray()));
    return def;
  }

  /** Kafka's own validator of a producer key, accepting a missing value (the key is optional here). */
  private static ConfigDef.Validator kafkaValidator(String producerKey) {
    return optional(PRODUCER_KEYS.get(producerKey).validator);
  }

  /**
   * A validator that accepts a missing value and checks any other with Kafka's.
   *
   * @param kafka the validator of the kafka-clients the code runs with (in a connector, the worker's), or
   *     {@code null} where that version has none (for example {@code compression.type} before Kafka 3.3)
   * @return the validator, or {@code null} when Kafka has none: the value is then checked by the rules only
   */
  static ConfigDef.Validator optional(ConfigDef.Validator kafka) {
    if (kafka == null) {
      return null;
    }
    return ConfigDef.LambdaValidator.with(
        (name, value) -> {
          if (value != null) {
            kafka.ensureValid(name, value);
          }
        },
        kafka::toString);
  }

  /** A recommender offering a fixed list of values. */
  private static ConfigDef.Recommender values(Object... values) {
    List<Object> list = List.of(values);
    return new ConfigDef.Recommender() {
      @Override
      public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
        return list;
      }

      @Override
      public boolean visible(String name, Map<String, Object> parsedConfig) {
        return true;
      }
    };
  }

  /**
   * The definition of the producer override keys, to embed in a connector's {@code config()} and to generate the
   * reference docs from.
   *
   * @return a new copy; changing it changes nothing here
   */
  public static ConfigDef configDef() {
    return new ConfigDef(CONFIG);
  }

  /**
   * The connector config key that overrides a producer key.
   *
   * @param producerKey a Kafka producer key, for example {@code acks}
   * @return the connector config key, for example {@code producer.override.acks}
   */
  public static String configName(String producerKey) {
    return PREFIX + producerKey;
  }

  /**
   * Whether the value of a connector config key is a secret that a connector must never show (in a validate result,
   * an exception or a log): a {@code producer.override.*} key whose producer key Kafka types {@code PASSWORD}, or one
   * that looks like a misspelling of such a key or whose name looks like a secret's ({@code ...password},
   * {@code ...jaas...}, {@code ...secret...}, {@code ...token...}, ...). Connect hides the values of a connector's own
   * {@code PASSWORD} keys itself; this covers the keys a connector's {@code ConfigDef} does not define.
   *
   * @param connectorKey a connector config key, with or without the {@code producer.override.} prefix
   * @return whether its value must be hidden
   */
  public static boolean isSecret(String connectorKey) {
    String key = connectorKey.startsWith(PREFIX) ? connectorKey.substring(PREFIX.length()) : connectorKey;
    return ProducerSettings.isSecret(key);
  }

  /**
   * The producer overrides of a connector config, as settings: every {@code producer.override.*} key with the
   * prefix removed, with the origin "set in the connector config". Nothing is checked here.
   *
   * @param connectorConfig the connector config, as Connect passes it to {@code validate()} or {@code start()}
   * @return the overridden producer settings
   */
  public static ProducerSettings overrides(Map<String, ?> connectorConfig) {
    Map<String, Object> overrides = new TreeMap<>();
    connectorConfig.forEach(
        (key, value) -> {
          if (key.startsWith(PREFIX) && value != null) {
            overrides.put(key.substring(PREFIX.length()), value);
          }
        });
    return ProducerSettings.fromProperties(overrides, CONNECTOR_ORIGIN);
  }

  /**
   * Checks a connector config's producer overrides. Same as {@link #validate(Map, ProducerSettings)} for a connector
   * that streams no {@code @KafkaMessage} type.
   *
   * @param connectorConfig the connector config
   * @return the violations by connector config key, in a stable order; empty when the overrides are valid
   */
  public static Map<String, List<Violation>> validate(Map<String, ?> connectorConfig) {
    return validate(connectorConfig, ProducerSettings.empty());
  }

  /**
   * Checks a connector config's producer overrides, on top of Kafka Connect's producer defaults, against every rule;
   * and, for a connector that streams a {@code @KafkaMessage} type, against the settings the type fixes: an override
   * that contradicts one is a {@link Rule#CONFLICT}, and a fixed setting that neither an override nor Kafka Connect's
   * default provides is a {@link Rule#CONNECT_OVERRIDE}, with the exact line to add. With
   * {@code exactly.once.support=required}, the worker's exactly-once source support is assumed: it forces
   * {@code enable.idempotence=true}, so for example {@code producer.override.acks=1} is an error.
   *
   * <p>Each violation is keyed by the connector config key it is about: the {@code producer.override.*} key of its
   * {@link Violation#key()}, or of the first of its {@link Violation#relatedKeys()} that the config overrides. The
   * send mode of the fixed settings is not checked: Kafka Connect's producer has none.
   *
   * <p>What the worker's own {@code producer.*} settings change is not visible to a connector; an explicit override
   * always wins over them.
   *
   * @param connectorConfig the connector config
   * @param fixed the settings the streamed message type fixes, or {@link ProducerSettings#empty()}
   * @return the violations (errors and warnings) by connector config key, in a stable order; empty when valid
   */
  public static Map<String, List<Violation>> validate(Map<String, ?> connectorConfig, ProducerSettings fixed) {
    Objects.requireNonNull(connectorConfig, "connectorConfig");
    Objects.requireNonNull(fixed, "fixed");
    ProducerSettings overrides = overrides(connectorConfig);
    boolean exactlyOnce = "required".equals(String.valueOf(connectorConfig.get(EXACTLY_ONCE_SUPPORT_CONFIG))
        .trim().toLowerCase(Locale.ROOT));
    ProducerSettings forced = exactlyOnce
        ? ProducerSettings.builder().origin(EXACTLY_ONCE_ORIGIN).idempotence(true).build()
        : ProducerSettings.empty();
    HostedProducer worker = new HostedProducer(CONNECT_DEFAULTS, "Kafka Connect's default", overrides, PREFIX,
        "the connector config", NOT_ACCEPTED, forced);

    Set<String> overridden = overrides.toProperties().keySet();
    Map<String, List<Violation>> byConfigKey = new LinkedHashMap<>();
    for (Violation violation : worker.check(fixed)) {
      String key = violation.key();
      if (!overridden.contains(key)) {
        key = violation.relatedKeys().stream().filter(overridden::contains).findFirst().orElse(key);
      }
      byConfigKey.computeIfAbsent(configName(key), k -> new ArrayList<>()).add(violation);
    }
    return byConfigKey;
  }

  /**
   * Every error in a connector's overrides, for its {@code validate()} and its start. Warnings are logged, not
   * returned, since Connect's validate endpoint only knows errors, which would block the connector.
   *
   * @param connectorName the connector's name, for logs
   * @param connectorConfig the connector config
   * @param descriptor the streamed message type's descriptor, or {@code null}
   * @return {@code producer.override.<key>} to its error messages ({@code [rule id] message}), in a stable order
   */
  public static Map<String, List<String>> errors(
      String connectorName, Map<String, String> connectorConfig, MessageDescriptor descriptor) {
    ProducerSettings fixed = descriptor == null ? ProducerSettings.empty() : descriptor.settings();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    validate(connectorConfig, fixed).forEach((key, violations) -> {
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

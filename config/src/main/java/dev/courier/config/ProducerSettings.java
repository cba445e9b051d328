/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import dev.courier.Acks;
import dev.courier.Compression;
import dev.courier.SendMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer settings a message type fixes: an immutable value shared by the annotation processor, the
 * connector and the runtime.
 *
 * <p>Settings hold Kafka producer properties by their Kafka keys (as strings, the form Kafka parses) and the send
 * mode, and remember for each key where it was fixed (for example {@code @KafkaMessage(acks) on com.acme.Order}), so
 * every error can say where a value came from. A key that is absent is not fixed: Kafka's default or the runtime
 * value applies.
 *
 * <p>Typical use, in generated code:
 *
 * <pre>{@code
 * ProducerSettings settings = ProducerSettings.builder()
 *     .origin("@KafkaMessage on com.acme.OrderPlaced")
 *     .sendMode(SendMode.SYNC)
 *     .acks(Acks.ALL)
 *     .build();
 * Map<String, Object> config = settings.merge(runtimeProperties); // throws ProducerSettingsException
 * }</pre>
 */
public final class ProducerSettings {

  /** The origin of runtime values in messages. */
  static final String RUNTIME_ORIGIN = "set in the runtime properties";

  private static final Logger LOG = LoggerFactory.getLogger(ProducerSettings.class);
  private static final ProducerSettings EMPTY = new Builder().build();

  private final SendMode sendMode;
  private final SortedMap<String, String> properties;
  private final Map<String, String> origins;

  private ProducerSettings(Builder builder) {
    this.sendMode = builder.sendMode;
    this.properties = Collections.unmodifiableSortedMap(new TreeMap<>(builder.properties));
    this.origins = Collections.unmodifiableMap(new TreeMap<>(builder.origins));
  }

  /**
   * Settings that fix nothing.
   *
   * @return the empty settings
   */
  public static ProducerSettings empty() {
    return EMPTY;
  }

  /**
   * A builder of settings.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder that starts from these settings.
   *
   * @return a new builder holding a copy of these settings
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.sendMode = sendMode;
    builder.properties.putAll(properties);
    builder.origins.putAll(origins);
    return builder;
  }

  /**
   * Reads settings from a Kafka property map, as a connector receives them in {@code producer.override.*} keys
   * (with the prefix removed) or an application passes them. Values may be strings or the typed values Kafka
   * accepts (numbers, booleans, classes, lists); they are kept in Kafka's string form. Nothing is validated here:
   * call {@link #violations()}.
   *
   * @param properties Kafka producer properties
   * @param origin where they come from, for messages (for example {@code "set in the connector config"}; see
   *     {@link Builder#origin(String)})
   * @return the settings fixing exactly these keys
   */
  public static ProducerSettings fromProperties(Map<String, ?> properties, String origin) {
    Builder builder = new Builder().origin(origin);
    properties.forEach(
        (key, value) -> {
          if (value != null) {
            builder.property(key, PropertyValues.toKafkaString(value));
          }
        });
    return builder.build();
  }

  /**
   * The send mode, when fixed.
   *
   * @return the send mode, or empty
   */
  public Optional<SendMode> sendMode() {
    return Optional.ofNullable(sendMode);
  }

  /**
   * {@code acks}, when fixed to a value Kafka accepts.
   *
   * @return the acknowledgement level, or empty
   */
  public Optional<Acks> acks() {
    return parsed(ProducerConfig.ACKS_CONFIG).flatMap(v -> Acks.parse((String) v));
  }

  /**
   * {@code enable.idempotence}, when fixed to a value Kafka accepts ({@code true} or {@code false}, in any case).
   *
   * @return whether the producer is idempotent, or empty
   */
  public Optional<Boolean> idempotence() {
    return parsed(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG).map(Boolean.class::cast);
  }

  /**
   * {@code transactional.id}, when fixed.
   *
   * @return the transactional id (or prefix), or empty
   */
  public Optional<String> transactionalId() {
    return get(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
  }

  /**
   * {@code compression.type}, when fixed to a codec Kafka knows.
   *
   * @return the codec, or empty
   */
  public Optional<Compression> compression() {
    return parsed(ProducerConfig.COMPRESSION_TYPE_CONFIG).flatMap(v -> Compression.parse((String) v));
  }

  /**
   * {@code retries}, when fixed to a number Kafka accepts.
   *
   * @return the number of retries, or empty
   */
  public OptionalInt retries() {
    return intValue(ProducerConfig.RETRIES_CONFIG);
  }

  /**
   * {@code max.in.flight.requests.per.connection}, when fixed to a number Kafka accepts.
   *
   * @return the maximum number of in-flight requests, or empty
   */
  public OptionalInt maxInFlight() {
    return intValue(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
  }

  /**
   * {@code batch.size}, when fixed to a number Kafka accepts.
   *
   * @return the batch size in bytes, or empty
   */
  public OptionalInt batchSize() {
    return intValue(ProducerConfig.BATCH_SIZE_CONFIG);
  }

  /**
   * {@code linger.ms}, when fixed to a number Kafka accepts.
   *
   * @return the linger in milliseconds, or empty
   */
  public OptionalLong lingerMs() {
    return longValue(ProducerConfig.LINGER_MS_CONFIG);
  }

  /**
   * {@code buffer.memory}, when fixed to a number Kafka accepts.
   *
   * @return the buffer memory in bytes, or empty
   */
  public OptionalLong bufferMemory() {
    return longValue(ProducerConfig.BUFFER_MEMORY_CONFIG);
  }

  /**
   * {@code delivery.timeout.ms}, when fixed to a number Kafka accepts.
   *
   * @return the delivery timeout in milliseconds, or empty
   */
  public OptionalInt deliveryTimeoutMs() {
    return intValue(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
  }

  /**
   * {@code request.timeout.ms}, when fixed to a number Kafka accepts.
   *
   * @return the request timeout in milliseconds, or empty
   */
  public OptionalInt requestTimeoutMs() {
    return intValue(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
  }

  /**
   * The fixed value of a Kafka producer key, in Kafka's string form.
   *
   * @param key a Kafka producer key
   * @return the value, or empty when the key is not fixed
   */
  public Optional<String> get(String key) {
    return Optional.ofNullable(properties.get(key));
  }

  /**
   * Where a key was fixed, for messages.
   *
   * @param key a Kafka producer key, or {@code "sendMode"}
   * @return a description such as {@code @KafkaMessage(acks) on com.acme.Order}, or empty when not known
   */
  public Optional<String> origin(String key) {
    return Optional.ofNullable(origins.get(key));
  }

  /**
   * The fixed Kafka producer properties, sorted by key. The send mode is not a Kafka property and is not included.
   *
   * @return an unmodifiable sorted map of Kafka keys to values in Kafka's string form
   */
  public SortedMap<String, String> toProperties() {
    return properties;
  }

  /**
   * Whether a producer key's value is a secret that must never be shown (in a validation result, an exception or a
   * log): a key Kafka types {@code PASSWORD}, one that looks like a misspelling of such a key, or one whose name looks
   * like a secret's ({@code ...password}, {@code ...jaas...}, {@code ...secret...}, {@code ...token...}, ...).
   *
   * @param key a producer key, as the user wrote it
   * @return whether its value must be hidden
   */
  public static boolean isSecret(String key) {
    return PropertyValues.isSecret(key);
  }

  /**
   * Whether nothing is fixed.
   *
   * @return {@code true} when neither a property nor the send mode is fixed
   */
  public boolean isEmpty() {
    return sendMode == null && properties.isEmpty();
  }

  /**
   * Every rule these settings break, errors and warnings, in a stable order.
   *
   * @return the violations, empty when the settings are valid
   */
  public List<Violation> violations() {
    return ProducerRules.check(this);
  }

  /**
   * Merges runtime properties (bootstrap servers, security, client id, ...) with these fixed settings into the
   * configuration of a {@code KafkaProducer}, after checking that no runtime value contradicts a fixed one and that
   * the result breaks no rule. Warnings (for example {@code courier.ordering} caused by a runtime value) are logged
   * at WARN, once per call.
   *
   * <p>A runtime value equal to the fixed one as Kafka parses it ({@code -1} equals {@code all}, {@code " 5"}
   * equals {@code 5}) is accepted and kept as given. A runtime {@code transactional.id} that starts with the fixed one
   * is accepted: the fixed id is the prefix to which each instance may append its own suffix. Runtime keys that are
   * not producer keys are passed through (Kafka ignores them); the rules still check the values of producer keys.
   *
   * @param runtimeProperties the properties given at run time; not modified
   * @return a new mutable map: the runtime properties with the fixed ones added
   * @throws ProducerSettingsException naming every contradicted key (with the origin of its fixed value) and every
   *     broken rule, all at once
   */
  public Map<String, Object> merge(Map<String, ?> runtimeProperties) {
    Objects.requireNonNull(runtimeProperties, "runtimeProperties");
    List<Violation> errors = new ArrayList<>();
    for (Violation violation : ProducerRules.checkMerge(this, runtimeProperties)) {
      if (violation.severity() == Severity.ERROR) {
        errors.add(violation);
      } else {
        LOG.warn("{}", violation);
      }
    }
    if (!errors.isEmpty()) {
      throw new ProducerSettingsException(errors);
    }
    Map<String, Object> merged = new LinkedHashMap<>(runtimeProperties);
    properties.forEach(
        (key, value) -> {
          if (merged.get(key) == null) {
            merged.put(key, value);
          }
        });
    return merged;
  }

  private Optional<Object> parsed(String key) {
    return PropertyValues.tryParse(key, properties.get(key));
  }

  private OptionalInt intValue(String key) {
    Optional<Object> value = parsed(key);
    return value.isPresent() ? OptionalInt.of((Integer) value.get()) : OptionalInt.empty();
  }

  private OptionalLong longValue(String key) {
    Optional<Object> value = parsed(key);
    return value.isPresent() ? OptionalLong.of((Long) value.get()) : OptionalLong.empty();
  }

  /** Equal when the same send mode and the same properties are fixed; where they were fixed does not count. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ProducerSettings other
        && sendMode == other.sendMode
        && properties.equals(other.properties);
  }

  /** A hash of the send mode and the properties, consistent with {@link #equals}. */
  @Override
  public int hashCode() {
    return Objects.hash(sendMode, properties);
  }

  /** The settings with password values hidden. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("ProducerSettings{");
    String separator = "";
    if (sendMode != null) {
      text.append("sendMode=").append(sendMode);
      separator = ", ";
    }
    for (Map.Entry<String, String> e : properties.entrySet()) {
      text.append(separator)
          .append(e.getKey())
          .append('=')
          .append(PropertyValues.display(e.getKey(), e.getValue()));
      separator = ", ";
    }
    return text.append('}').toString();
  }

  /** Builds {@link ProducerSettings}. Each setter fixes one key; a later call for the same key replaces it. */
  public static final class Builder {
    private SendMode sendMode;
    private final Map<String, String> properties = new TreeMap<>();
    private final Map<String, String> origins = new TreeMap<>();
    private String origin;

    private Builder() {}

    /**
     * Sets where the settings fixed by the following calls come from, for messages. Messages show an origin as
     * {@code (fixed by <origin>)}, or, when it starts with {@code "set "}, as {@code (<origin>)}: for example
     * {@code (fixed by @KafkaMessage(acks) on com.acme.Order)}, {@code (set in the connector config)}.
     *
     * @param origin for example {@code "@KafkaMessage(acks) on com.acme.Order"}, or {@code null} for none
     * @return this builder
     */
    public Builder origin(String origin) {
      this.origin = origin;
      return this;
    }

    /**
     * Fixes the send mode.
     *
     * @param sendMode the send mode
     * @return this builder
     */
    public Builder sendMode(SendMode sendMode) {
      this.sendMode = Objects.requireNonNull(sendMode, "sendMode");
      if (origin != null) {
        origins.put("sendMode", origin);
      }
      return this;
    }

    /**
     * Fixes {@code acks}.
     *
     * @param acks the acknowledgement level
     * @return this builder
     */
    public Builder acks(Acks acks) {
      return property(ProducerConfig.ACKS_CONFIG, acks.value());
    }

    /**
     * Fixes {@code enable.idempotence}.
     *
     * @param idempotence whether the producer is idempotent
     * @return this builder
     */
    public Builder idempotence(boolean idempotence) {
      return property(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, Boolean.toString(idempotence));
    }

    /**
     * Fixes {@code transactional.id}.
     *
     * @param transactionalId the transactional id or prefix
     * @return this builder
     */
    public Builder transactionalId(String transactionalId) {
      return property(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    }

    /**
     * Fixes {@code retries}.
     *
     * @param retries the number of retries
     * @return this builder
     */
    public Builder retries(int retries) {
      return property(ProducerConfig.RETRIES_CONFIG, Integer.toString(retries));
    }

    /**
     * Fixes {@code max.in.flight.requests.per.connection}.
     *
     * @param maxInFlight the maximum number of unacknowledged requests per connection
     * @return this builder
     */
    public Builder maxInFlight(int maxInFlight) {
      return property(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, Integer.toString(maxInFlight));
    }

    /**
     * Fixes {@code batch.size}.
     *
     * @param batchSize the batch size in bytes
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      return property(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(batchSize));
    }

    /**
     * Fixes {@code linger.ms}.
     *
     * @param lingerMs the linger in milliseconds
     * @return this builder
     */
    public Builder lingerMs(long lingerMs) {
      return property(ProducerConfig.LINGER_MS_CONFIG, Long.toString(lingerMs));
    }

    /**
     * Fixes {@code buffer.memory}.
     *
     * @param bufferMemory the buffer memory in bytes
     * @return this builder
     */
    public Builder bufferMemory(long bufferMemory) {
      return property(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(bufferMemory));
    }

    /**
     * Fixes {@code compression.type}.
     *
     * @param compression the codec
     * @return this builder
     */
    public Builder compression(Compression compression) {
      return property(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression.value());
    }

    /**
     * Fixes {@code delivery.timeout.ms}.
     *
     * @param deliveryTimeoutMs the delivery timeout in milliseconds
     * @return this builder
     */
    public Builder deliveryTimeoutMs(int deliveryTimeoutMs) {
      return property(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(deliveryTimeoutMs));
    }

    /**
     * Fixes {@code request.timeout.ms}.
     *
     * @param requestTimeoutMs the request timeout in milliseconds
     * @return this builder
     */
    public Builder requestTimeoutMs(int requestTimeoutMs) {
      return property(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(requestTimeoutMs));
    }

    /**
     * Fixes any Kafka producer key, in Kafka's string form. The key is checked by the rules, not here.
     *
     * @param key a Kafka producer key
     * @param value its value
     * @return this builder
     */
    public Builder property(String key, String value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      properties.put(key, value);
      if (origin != null) {
        origins.put(key, origin);
      } else {
        origins.remove(key);
      }
      return this;
    }

    /**
     * Fixes every key (and the send mode) that other settings fix, with their origins.
     *
     * @param other settings whose values replace any here
     * @return this builder
     */
    public Builder putAll(ProducerSettings other) {
      if (other.sendMode != null) {
        sendMode = other.sendMode;
      }
      properties.putAll(other.properties);
      for (String key : other.properties.keySet()) {
        origins.remove(key);
      }
      origins.putAll(other.origins);
      return this;
    }

    /**
     * Builds the immutable settings.
     *
     * @return the settings
     */
    public ProducerSettings build() {
      return new ProducerSettings(this);
    }
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The one table of the producer settings a {@code @KafkaMessage} attribute fixes: the attribute, the Kafka producer
 * key it fixes and the type of its value, in the annotation's declaration order. The annotation processor reads the
 * attributes from it, the generated settings code calls the {@link ProducerSettings.Builder} setter of the same name,
 * and {@link ProducerSettings} has the accessor of the same name.
 *
 * <p>Adding an attribute that fixes a producer key takes the annotation element, a row here, and the typed setter and
 * accessor of the same name on {@link ProducerSettings}; a test checks that the four agree.
 *
 * <p>The send mode ({@code sendMode}) is not a Kafka key, so it is not in the table; nor are the serializers,
 * which are classes rather than values.
 */
public enum Setting {
  /** {@code acks}: {@code acks}. */
  ACKS("acks", ProducerConfig.ACKS_CONFIG, ValueType.ACKS),
  /** {@code idempotence}: {@code enable.idempotence}. */
  IDEMPOTENCE("idempotence", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ValueType.BOOLEAN),
  /** {@code transactionalId}: {@code transactional.id} (empty: not fixed). */
  TRANSACTIONAL_ID("transactionalId", ProducerConfig.TRANSACTIONAL_ID_CONFIG, ValueType.STRING),
  /** {@code retries}: {@code retries}. */
  RETRIES("retries", ProducerConfig.RETRIES_CONFIG, ValueType.INT),
  /** {@code maxInFlight}: {@code max.in.flight.requests.per.connection}. */
  MAX_IN_FLIGHT("maxInFlight", ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, ValueType.INT),
  /** {@code batchSize}: {@code batch.size}. */
  BATCH_SIZE("batchSize", ProducerConfig.BATCH_SIZE_CONFIG, ValueType.INT),
  /** {@code lingerMs}: {@code linger.ms}. */
  LINGER_MS("lingerMs", ProducerConfig.LINGER_MS_CONFIG, ValueType.LONG),
  /** {@code bufferMemory}: {@code buffer.memory}. */
  BUFFER_MEMORY("bufferMemory", ProducerConfig.BUFFER_MEMORY_CONFIG, ValueType.LONG),
  /** {@code compression}: {@code compression.type}. */
  COMPRESSION("compression", ProducerConfig.COMPRESSION_TYPE_CONFIG, ValueType.COMPRESSION),
  /** {@code deliveryTimeoutMs}: {@code delivery.timeout.ms}. */
  DELIVERY_TIMEOUT_MS("deliveryTimeoutMs", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ValueType.INT),
  /** {@code requestTimeoutMs}: {@code request.timeout.ms}. */
  REQUEST_TIMEOUT_MS("requestTimeoutMs", ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, ValueType.INT);

  /** The Java type of a setting's value, as the annotation element, the setter and the accessor have it. */
  public enum ValueType {
    /** {@link dev.courier.Acks}. */
    ACKS,
    /** {@link dev.courier.Compression}. */
    COMPRESSION,
    /** {@code boolean}. */
    BOOLEAN,
    /** {@code String}; empty means not fixed. */
    STRING,
    /** {@code int}; {@code KafkaMessage.NOT_FIXED} means not fixed. */
    INT,
    /** {@code long}; {@code KafkaMessage.NOT_FIXED} means not fixed. */
    LONG
  }

  private final String attribute;
  private final String kafkaKey;
  private final ValueType valueType;

  Setting(String attribute, String kafkaKey, ValueType valueType) {
    this.attribute = attribute;
    this.kafkaKey = kafkaKey;
    this.valueType = valueType;
  }

  /**
   * The {@code @KafkaMessage} attribute, which is also the name of the {@link ProducerSettings.Builder} setter and of
   * the {@link ProducerSettings} accessor.
   *
   * @return the attribute name, for example {@code lingerMs}
   */
  public String attribute() {
    return attribute;
  }

  /**
   * The Kafka producer key the attribute fixes.
   *
   * @return the key, for example {@code linger.ms}
   */
  public String kafkaKey() {
    return kafkaKey;
  }

  /**
   * The type of the value.
   *
   * @return the value type
   */
  public ValueType valueType() {
    return valueType;
  }

  /**
   * The setting an attribute fixes.
   *
   * @param attribute an attribute name such as {@code acks}
   * @return the setting, or empty for attributes that fix no Kafka key by value ({@code topic}, {@code sendMode},
   *     the serializers, {@code properties}, {@code reading})
   */
  public static Optional<Setting> forAttribute(String attribute) {
    for (Setting setting : values()) {
      if (setting.attribute.equals(attribute)) {
        return Optional.of(setting);
      }
    }
    return Optional.empty();
  }

  /**
   * The setting that fixes a Kafka key.
   *
   * @param kafkaKey a Kafka producer key
   * @return the setting, or empty when no attribute fixes the key (only {@code properties} can)
   */
  public static Optional<Setting> forKafkaKey(String kafkaKey) {
    for (Setting setting : values()) {
      if (setting.kafkaKey.equals(kafkaKey)) {
        return Optional.of(setting);
      }
    }
    return Optional.empty();
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

import dev.courier.config.Setting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The {@code @KafkaMessage} attributes that fix a Kafka producer key, in declaration order: the send mode's pseudo
 * key, the settings of {@link Setting}'s table, and the serializers.
 */
public final class Attributes {

  /** The pseudo key under which {@code ProducerSettings} records the send mode's origin. */
  public static final String SEND_MODE = "sendMode";

  private static final Map<String, String> KEY_BY_ATTRIBUTE = new LinkedHashMap<>();

  static {
    KEY_BY_ATTRIBUTE.put("sendMode", SEND_MODE);
    for (Setting setting : Setting.values()) {
      KEY_BY_ATTRIBUTE.put(setting.attribute(), setting.kafkaKey());
    }
    KEY_BY_ATTRIBUTE.put("keySerializer", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
    KEY_BY_ATTRIBUTE.put("valueSerializer", ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
  }

  private Attributes() {}

  /**
   * The Kafka key an attribute fixes.
   *
   * @param attribute an attribute name such as {@code acks}
   * @return the Kafka key, or empty for attributes that fix none ({@code topic}, {@code properties})
   */
  public static Optional<String> kafkaKey(String attribute) {
    return Optional.ofNullable(KEY_BY_ATTRIBUTE.get(attribute));
  }

  /**
   * The attribute that fixes a Kafka key.
   *
   * @param kafkaKey a Kafka producer key
   * @return the attribute name, or empty when only {@code properties} can fix the key
   */
  public static Optional<String> attribute(String kafkaKey) {
    return KEY_BY_ATTRIBUTE.entrySet().stream()
        .filter(e -> e.getValue().equals(kafkaKey))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Builds the {@link KafkaProducer} of a generated producer's {@code create}: the runtime properties merged with what
 * the type fixes, and the type's serializers. The merge is {@link dev.courier.config.ProducerSettings#merge}: a
 * runtime property that contradicts a fixed setting, including a {@code key.serializer} or
 * {@code value.serializer} other than the type's, is refused with a message that names the key and where it was
 * fixed.
 */
public final class Producers {

  private Producers() {}

  /**
   * A new {@link KafkaProducer} for a message type.
   *
   * @param contract the type's contract (its generated descriptor)
   * @param runtimeProperties Kafka producer properties (bootstrap servers, security, client id, ...); they may add to
   *     the fixed settings but not contradict them
   * @param <K> the record key type
   * @param <V> the record value type
   * @return the producer, with the type's serializers
   * @throws dev.courier.config.ProducerSettingsException when a runtime property contradicts a fixed setting or
   *     breaks a rule
   */
  public static <K, V> Producer<K, V> create(MessageContract<?, K, V> contract, Map<String, ?> runtimeProperties) {
    Serializer<K> keySerializer = contract.newKeySerializer();
    Serializer<V> valueSerializer = contract.newValueSerializer();
    Map<String, Object> config = config(contract, keySerializer, valueSerializer, runtimeProperties);
    // After the settings are checked, before a KafkaProducer exists: a refused schema leaks nothing.
    return new KafkaProducer<>(config, keySerializer, SchemaRegistryFraming.valueSerializer(contract, runtimeProperties));
  }

  /**
   * The configuration of a type's producer: the runtime properties merged with what the type fixes and its
   * serializers' classes, which runtime properties may not contradict.
   */
  static Map<String, Object> config(MessageContract<?, ?, ?> contract, Serializer<?> keySerializer,
      Serializer<?> valueSerializer, Map<String, ?> runtimeProperties) {
    Objects.requireNonNull(runtimeProperties, "runtimeProperties");
    return contract.settings().toBuilder()
        .origin("the serializers of " + contract.messageClassName())
        .property(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, keySerializer.getClass().getName())
        .property(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, valueSerializer.getClass().getName())
        .build()
        .merge(SchemaRegistryConfig.withoutRegistryKeys(runtimeProperties));
  }
}

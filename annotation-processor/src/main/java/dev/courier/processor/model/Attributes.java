/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The {@code @KafkaMessage} attributes that fix a Kafka producer key, in declaration order. */
public final class Attributes {

  /** The pseudo key under which {@code ProducerSettings} records the send mode's origin. */
  public static final String SEND_MODE = "sendMode";

  private static final Map<String, String> KEY_BY_ATTRIBUTE = new LinkedHashMap<>();

  static {
    KEY_BY_ATTRIBUTE.put("sendMode", SEND_MODE);
    KEY_BY_ATTRIBUTE.put("acks", ProducerConfig.ACKS_CONFIG);
    KEY_BY_ATTRIBUTE.put("idempotence", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG);
    KEY_BY_ATTRIBUTE.put("transactionalId", ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    KEY_BY_ATTRIBUTE.put("retries", ProducerConfig.RETRIES_CONFIG);
    KEY_BY_ATTRIBUTE.put("maxInFlight", ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
    KEY_BY_ATTRIBUTE.put("batchSize", ProducerConfig.BATCH_SIZE_CONFIG);
    KEY_BY_ATTRIBUTE.put("lingerMs", ProducerConfig.LINGER_MS_CONFIG);
    KEY_BY_ATTRIBUTE.put("bufferMemory", ProducerConfig.BUFFER_MEMORY_CONFIG);
    KEY_BY_ATTRIBUTE.put("compression", ProducerConfig.COMPRESSION_TYPE_CONFIG);
    KEY_BY_ATTRIBUTE.put("deliveryTimeoutMs", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
    KEY_BY_ATTRIBUTE.put("requestTimeoutMs", ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
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

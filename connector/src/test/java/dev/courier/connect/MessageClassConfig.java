/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import dev.courier.config.MessageDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys a connector config needs for {@code message.class} to pass the checks every start runs: the type, the
 * three byte-array converters, and each producer setting the type fixes repeated as {@code producer.override.*}.
 */
public final class MessageClassConfig {

  private MessageClassConfig() {}

  /**
   * The keys for a {@code @KafkaMessage} type.
   *
   * @param messageClass the type's binary name
   * @return the keys, to add to a connector config
   */
  public static Map<String, String> of(String messageClass) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put(CourierSourceConfig.MESSAGE_CLASS_CONFIG, messageClass);
    for (String key : MessageConverters.KEYS) {
      config.put(key, MessageConverters.BYTE_ARRAY_CONVERTER);
    }
    MessageDescriptor descriptor = MessageDescriptor.load(messageClass, MessageClassConfig.class.getClassLoader());
    descriptor.settings().toProperties().forEach((key, value) -> config.put("producer.override." + key, value));
    return config;
  }

  /**
   * The keys for a {@code @KafkaMessage} type.
   *
   * @param type the type
   * @return the keys, to add to a connector config
   */
  public static Map<String, String> of(Class<?> type) {
    return of(type.getName());
  }
}

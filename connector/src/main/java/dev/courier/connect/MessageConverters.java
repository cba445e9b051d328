/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.util.List;
import java.util.Map;

/**
 * The converters a {@code message.class} connector needs. Its records already hold the bytes the generated producer
 * sends ({@link MessageMapping#message}): key, value and headers must reach Kafka unchanged, which only
 * {@code org.apache.kafka.connect.converters.ByteArrayConverter} does. Any other converter would re-encode them
 * (a {@code JsonConverter} would write the value as a base64 string), so {@code validate()} refuses it on its key.
 * The worker's default converters are not visible to a connector, so the three keys must be set on the connector.
 *
 * <p>What an operator gives up: transformations that read or change the value or key as a Connect value
 * ({@code ReplaceField}, {@code MaskField}, {@code Cast}, {@code ValueToKey}, {@code ExtractField}, ...), and
 * converters that add their own framing (Avro, Protobuf, JSON with schemas). Routing and filtering transformations
 * that look only at the topic or headers ({@code RegexRouter}, {@code TimestampRouter}, {@code Filter} with
 * {@code TopicNameMatches} or {@code HasHeaderKey}, {@code DropHeaders}) keep working. Without
 * {@code message.class} the connector writes Connect values for any converter.
 */
public final class MessageConverters {

  /** The converter every {@code message.class} connector uses for keys, values and headers. */
  public static final String BYTE_ARRAY_CONVERTER = "org.apache.kafka.connect.converters.ByteArrayConverter";

  /** The connector keys that choose the converters. */
  public static final List<String> KEYS = List.of("key.converter", "value.converter", "header.converter");

  private MessageConverters() {}

  /**
   * Adds an error on each converter key that is not {@link #BYTE_ARRAY_CONVERTER}.
   *
   * @param config the connector config
   * @param messageClass the {@code message.class}, for messages
   * @param issues where errors go
   */
  public static void check(Map<String, String> config, String messageClass, ConfigIssues issues) {
    for (String key : KEYS) {
      String value = config.get(key);
      String given = value == null ? null : value.trim();
      if (BYTE_ARRAY_CONVERTER.equals(given)) {
        continue;
      }
      issues.add(key, (given == null || given.isEmpty() ? key + " is not set" : key + "=" + given)
          + ", but with message.class=" + messageClass + " the records already hold the bytes its generated producer"
          + " sends, which any other converter would re-encode" + (given == null || given.isEmpty()
              ? " (the worker's default converter applies, and a connector cannot see which it is)" : "")
          + ". Fix: set " + key + "=" + BYTE_ARRAY_CONVERTER + ".");
    }
  }
}

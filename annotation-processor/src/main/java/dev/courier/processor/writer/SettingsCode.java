/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.writer;

import com.palantir.javapoet.CodeBlock;
import dev.courier.Acks;
import dev.courier.Compression;
import dev.courier.config.ProducerSettings;
import dev.courier.processor.model.Attributes;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The code that rebuilds a {@link ProducerSettings} value, origins included, with the builder's typed setters. */
final class SettingsCode {
  private SettingsCode() {}

  /** {@code ProducerSettings.builder().origin(...).acks(Acks.ALL)....build()}, one call per line. */
  static CodeBlock of(ProducerSettings settings) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()", TypeNames.PRODUCER_SETTINGS).indent().indent();
    String origin = null;
    if (settings.sendMode().isPresent()) {
      origin = settings.origin(Attributes.SEND_MODE).orElse(null);
      if (origin != null) {
        code.add("\n.origin($S)", origin);
      }
      code.add("\n.sendMode($T.$L)", TypeNames.SEND_MODE, settings.sendMode().get().name());
    }
    for (Map.Entry<String, String> entry : settings.toProperties().entrySet()) {
      String keyOrigin = settings.origin(entry.getKey()).orElse(null);
      if (!Objects.equals(origin, keyOrigin)) {
        code.add("\n.origin($L)", keyOrigin == null ? CodeBlock.of("null") : CodeBlock.of("$S", keyOrigin));
        origin = keyOrigin;
      }
      code.add("\n").add(setter(entry.getKey(), entry.getValue()));
    }
    return code.add("\n.build()").unindent().unindent().build();
  }

  private static CodeBlock setter(String key, String value) {
    switch (key) {
      case ProducerConfig.ACKS_CONFIG:
        if (Acks.parse(value).isPresent()) {
          return CodeBlock.of(".acks($T.$L)", TypeNames.ACKS, Acks.parse(value).get().name());
        }
        break;
      case ProducerConfig.COMPRESSION_TYPE_CONFIG:
        if (Compression.parse(value).isPresent()) {
          return CodeBlock.of(".compression($T.$L)", TypeNames.COMPRESSION, Compression.parse(value).get().name());
        }
        break;
      case ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG:
        return CodeBlock.of(".idempotence($L)", Boolean.parseBoolean(value));
      case ProducerConfig.TRANSACTIONAL_ID_CONFIG:
        return CodeBlock.of(".transactionalId($S)", value);
      case ProducerConfig.RETRIES_CONFIG:
        return integer("retries", value);
      case ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION:
        return integer("maxInFlight", value);
      case ProducerConfig.BATCH_SIZE_CONFIG:
        return integer("batchSize", value);
      case ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG:
        return integer("deliveryTimeoutMs", value);
      case ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG:
        return integer("requestTimeoutMs", value);
      case ProducerConfig.LINGER_MS_CONFIG:
        return longValue("lingerMs", value);
      case ProducerConfig.BUFFER_MEMORY_CONFIG:
        return longValue("bufferMemory", value);
      default:
        break;
    }
    return CodeBlock.of(".property($S, $S)", key, value);
  }

  private static CodeBlock integer(String method, String value) {
    try {
      return CodeBlock.of(".$L($L)", method, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return CodeBlock.of(".property($S, $S)", Attributes.kafkaKey(method).orElseThrow(), value);
    }
  }

  private static CodeBlock longValue(String method, String value) {
    try {
      return CodeBlock.of(".$L($LL)", method, Long.parseLong(value));
    } catch (NumberFormatException e) {
      return CodeBlock.of(".property($S, $S)", Attributes.kafkaKey(method).orElseThrow(), value);
    }
  }
}

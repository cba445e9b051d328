/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.writer;

import com.palantir.javapoet.CodeBlock;
import dev.courier.Acks;
import dev.courier.Compression;
import dev.courier.config.ProducerSettings;
import dev.courier.config.Setting;
import dev.courier.processor.model.Attributes;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

  /**
   * The builder call that sets one key: the typed setter named after the key's attribute ({@link Setting}), or
   * {@code property(key, value)} for a key no attribute fixes or a value the typed setter cannot take.
   */
  private static CodeBlock setter(String key, String value) {
    Optional<Setting> setting = Setting.forKafkaKey(key);
    if (setting.isPresent()) {
      String method = setting.get().attribute();
      switch (setting.get().valueType()) {
        case ACKS:
          if (Acks.parse(value).isPresent()) {
            return CodeBlock.of(".$L($T.$L)", method, TypeNames.ACKS, Acks.parse(value).get().name());
          }
          break;
        case COMPRESSION:
          if (Compression.parse(value).isPresent()) {
            return CodeBlock.of(".$L($T.$L)", method, TypeNames.COMPRESSION, Compression.parse(value).get().name());
          }
          break;
        case BOOLEAN:
          return CodeBlock.of(".$L($L)", method, Boolean.parseBoolean(value));
        case STRING:
          return CodeBlock.of(".$L($S)", method, value);
        case INT:
          try {
            return CodeBlock.of(".$L($L)", method, Integer.parseInt(value));
          } catch (NumberFormatException e) {
            break;
          }
        case LONG:
          try {
            return CodeBlock.of(".$L($LL)", method, Long.parseLong(value));
          } catch (NumberFormatException e) {
            break;
          }
        default:
          break;
      }
    }
    return CodeBlock.of(".property($S, $S)", key, value);
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.docs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The configuration tables of a connector's reference page, written from its {@link ConfigDef}: one table per group,
 * in the order the groups were defined, each key in its {@code orderInGroup}. Every source's page renders its keys the
 * same way, so a shared key reads the same on each page.
 */
public final class ConfigTables {

  private ConfigTables() {}

  /**
   * Appends one Markdown table per group of a definition.
   *
   * @param md the page
   * @param def the connector's definition
   */
  public static void append(StringBuilder md, ConfigDef def) {
    List<ConfigDef.ConfigKey> keys = new ArrayList<>(def.configKeys().values());
    for (String group : def.groups()) {
      md.append("\n### ").append(group).append("\n\n")
          .append("| key | type | default | valid values | importance | description |\n")
          .append("|---|---|---|---|---|---|\n");
      keys.stream()
          .filter(k -> group.equals(k.group))
          .sorted(Comparator.comparingInt(k -> k.orderInGroup))
          .forEach(k -> md.append("| `").append(k.name).append("` | ")
              .append(k.type.name().toLowerCase(Locale.ROOT)).append(" | ")
              .append(defaultValue(k)).append(" | ")
              .append(k.validator == null ? "" : escape(k.validator.toString())).append(" | ")
              .append(k.importance.name().toLowerCase(Locale.ROOT)).append(" | ")
              .append(escape(k.documentation)).append(" |\n"));
    }
  }

  /** A required key says so; an empty default (string or list) is shown as {@code ""}, not as an empty cell. */
  private static String defaultValue(ConfigDef.ConfigKey key) {
    if (!key.hasDefault()) {
      return "(required)";
    }
    Object value = key.defaultValue;
    if (value == null) {
      return "";
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? "\"\"" : "`" + String.join(",", list.stream().map(Object::toString).toList()) + "`";
    }
    if (value instanceof Map<?, ?> || !value.toString().isEmpty()) {
      return "`" + value + "`";
    }
    return "\"\"";
  }

  private static String escape(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}

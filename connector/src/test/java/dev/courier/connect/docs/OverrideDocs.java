/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.docs;

import dev.courier.config.Rule;
import dev.courier.connect.ProducerOverrideConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Generates {@code docs/reference/producer-overrides.md} from {@link ProducerOverrideConfig}: the connector's
 * {@code producer.override.*} keys and the keys it refuses. Build tooling, in the test sources.
 */
public final class OverrideDocs {

  /** The command that regenerates the page. */
  public static final String REGENERATE = "./mvnw -pl connector -am test -Dtest=ReferenceDocsTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dcourier.docs.write=true";

  private static final String GENERATED_NOTE = "<!-- Generated from dev.courier.connect.ProducerOverrideConfig by"
      + " dev.courier.connect.docs.OverrideDocs; do not edit. Regenerate with: " + REGENERATE + " -->\n\n";

  private OverrideDocs() {}

  /**
   * The producer overrides reference, from {@link ProducerOverrideConfig#configDef()}.
   *
   * @return Markdown
   */
  public static String producerOverrides() {
    ConfigDef def = ProducerOverrideConfig.configDef();
    StringBuilder md = new StringBuilder();
    md.append("# Connector producer overrides\n\n");
    md.append(GENERATED_NOTE);
    md.append("A Courier source connector gets its producer settings from the `producer.override.*` keys of its"
        + " connector config (the worker's `connector.client.config.override.policy` must allow them). The"
        + " connector's `validate()` checks them with the [producer rules](producer-rules.md), on top of Kafka"
        + " Connect's own producer defaults (`acks=all`, `enable.idempotence=false`,"
        + " `max.in.flight.requests.per.connection=1`, `delivery.timeout.ms=2147483647`), and shows each problem"
        + " next to the key it is about. When the connector streams a `@KafkaMessage` type, every setting the type"
        + " fixes must be given here too, unless Kafka Connect's default is already the same"
        + " (`courier.connect.override`). With `exactly.once.support=required`, the worker's exactly-once source"
        + " support forces `enable.idempotence=true`.\n\n");
    md.append("The keys below are described and validated by the connector's `ConfigDef`. Other"
        + " `producer.override.*` keys are passed to the worker as they are and checked by the same rules.\n\n");
    List<String> groups = new ArrayList<>(def.groups());
    for (String group : groups) {
      md.append("## ").append(group).append("\n\n");
      for (ConfigDef.ConfigKey key : def.configKeys().values()) {
        if (!group.equals(key.group)) {
          continue;
        }
        md.append("### `").append(key.name).append("`\n\n");
        md.append(key.documentation).append("\n\n");
        md.append("* Type: ").append(key.type.name().toLowerCase(Locale.ROOT)).append('\n');
        md.append("* Default: ").append(defaultText(key)).append('\n');
        md.append("* Valid values: ").append(validValues(key)).append('\n');
        md.append("* Importance: ").append(key.importance.name().toLowerCase(Locale.ROOT)).append("\n\n");
      }
    }
    md.append("## Not accepted\n\n");
    for (Map.Entry<String, Rule> entry : new TreeMap<>(ProducerOverrideConfig.NOT_ACCEPTED).entrySet()) {
      md.append("* `").append(ProducerOverrideConfig.configName(entry.getKey())).append("` (`")
          .append(entry.getValue().id()).append("`): ").append(entry.getValue().description()).append('\n');
    }
    return md.toString().stripTrailing() + "\n";
  }

  private static String defaultText(ConfigDef.ConfigKey key) {
    if (key.defaultValue == null) {
      return "not set (the worker's producer value applies)";
    }
    return "`" + ConfigDef.convertToString(key.defaultValue, key.type) + "`";
  }

  private static String validValues(ConfigDef.ConfigKey key) {
    if (key.validator != null) {
      return "`" + key.validator + "`";
    }
    return key.type == ConfigDef.Type.BOOLEAN ? "`true`, `false`" : "any";
  }
}

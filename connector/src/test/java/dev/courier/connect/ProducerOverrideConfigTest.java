/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.Acks;
import dev.courier.SendMode;
import dev.courier.config.ProducerSettings;
import dev.courier.config.Rule;
import dev.courier.config.Violation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProducerOverrideConfigTest {

  private static final String ORIGIN = "@KafkaMessage on com.acme.Order";

  private static Map<String, String> config(String... keysAndValues) {
    Map<String, String> config = new HashMap<>();
    config.put("name", "orders-file-source");
    config.put("connector.class", "dev.courier.connect.file.FileSourceConnector");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      config.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return config;
  }

  private static List<String> ids(Map<String, List<Violation>> violations, String key) {
    return violations.getOrDefault(key, List.of()).stream().map(Violation::id).toList();
  }

  @Nested
  class Definition {
    @Test
    void aKeyThatTheWorkersKafkaClientsDoNotValidateIsLeftToTheRules() {
      // A connector sees the worker's kafka-clients: before Kafka 3.3, compression.type has no validator there.
      assertThat(ProducerOverrideConfig.optional(null)).isNull();
      ConfigDef.Validator acks = ProducerOverrideConfig.optional(ConfigDef.ValidString.in("all", "1"));
      acks.ensureValid(ProducerOverrideConfig.ACKS_CONFIG, null);
      acks.ensureValid(ProducerOverrideConfig.ACKS_CONFIG, "all");
      assertThatThrownBy(() -> acks.ensureValid(ProducerOverrideConfig.ACKS_CONFIG, "2"))
          .isInstanceOf(ConfigException.class).hasMessageContaining("producer.override.acks");
      assertThat(acks).hasToString("[all, 1]");
    }

    @Test
    void describesTheAcceptedKeysInGroupsAndOrder() {
      ConfigDef def = ProducerOverrideConfig.configDef();
      assertThat(def.groups()).containsExactly(ProducerOverrideConfig.DELIVERY_GROUP,
          ProducerOverrideConfig.BATCHING_GROUP);
      assertThat(def.configKeys().values()).extracting(k -> k.group + "#" + k.orderInGroup + " " + k.name)
          .containsExactly(
              "Producer overrides: delivery#1 producer.override.acks",
              "Producer overrides: delivery#2 producer.override.enable.idempotence",
              "Producer overrides: delivery#3 producer.override.retries",
              "Producer overrides: delivery#4 producer.override.max.in.flight.requests.per.connection",
              "Producer overrides: delivery#5 producer.override.delivery.timeout.ms",
              "Producer overrides: delivery#6 producer.override.request.timeout.ms",
              "Producer overrides: batching#1 producer.override.batch.size",
              "Producer overrides: batching#2 producer.override.linger.ms",
              "Producer overrides: batching#3 producer.override.buffer.memory",
              "Producer overrides: batching#4 producer.override.compression.type");
      assertThat(def.names()).doesNotContain("producer.override.transactional.id");
      assertThat(ProducerOverrideConfig.NOT_ACCEPTED).containsOnlyKeys("transactional.id");
    }

    @Test
    void everyKeyIsAProducerKeyOfTheSameTypeWithKafkasValidatorAndNoDefault() {
      Map<String, ConfigDef.ConfigKey> kafka = ProducerConfig.configDef().configKeys();
      for (ConfigDef.ConfigKey key : ProducerOverrideConfig.configDef().configKeys().values()) {
        String producerKey = key.name.substring(ProducerOverrideConfig.PREFIX.length());
        assertThat(kafka).containsKey(producerKey);
        assertThat(key.type).as(key.name).isEqualTo(kafka.get(producerKey).type);
        assertThat(key.defaultValue).as(key.name).isNull();
        assertThat(key.documentation).as(key.name).isNotBlank().endsWith(".");
        assertThat(key.displayName).as(key.name).isNotBlank();
        String expectedValidator = String.valueOf(kafka.get(producerKey).validator);
        assertThat(String.valueOf(key.validator == null ? null : key.validator)).as(key.name)
            .isEqualTo(expectedValidator);
      }
    }

    @Test
    void constantsNameTheKeysAndDocsDescribeThem() throws ReflectiveOperationException {
      Map<String, ConfigDef.ConfigKey> keys = ProducerOverrideConfig.configDef().configKeys();
      int configs = 0;
      for (Field field : ProducerOverrideConfig.class.getFields()) {
        if (field.getName().endsWith("_CONFIG") && Modifier.isStatic(field.getModifiers())) {
          String name = (String) field.get(null);
          String docName = field.getName().replaceAll("_CONFIG$", "_DOC");
          String doc = (String) ProducerOverrideConfig.class.getField(docName).get(null);
          assertThat(keys).containsKey(name);
          assertThat(keys.get(name).documentation).isEqualTo(doc);
          configs++;
        }
      }
      assertThat(configs).isEqualTo(keys.size());
    }

    @Test
    void validatorsAreKafkasAndAcceptAMissingValue() {
      ConfigDef def = ProducerOverrideConfig.configDef();
      assertThat(def.parse(Map.of())).containsEntry(ProducerOverrideConfig.ACKS_CONFIG, null);
      assertThatThrownBy(() -> def.parse(Map.of(ProducerOverrideConfig.LINGER_MS_CONFIG, "-1")))
          .isInstanceOf(ConfigException.class)
          .hasMessage("Invalid value -1 for configuration producer.override.linger.ms: Value must be at least 0");
      assertThatThrownBy(() -> def.parse(Map.of(ProducerOverrideConfig.COMPRESSION_TYPE_CONFIG, "GZIP")))
          .hasMessageContaining("String must be one of: none, gzip, snappy, lz4, zstd");
      assertThat(def.parse(Map.of(ProducerOverrideConfig.ACKS_CONFIG, "-1")))
          .containsEntry(ProducerOverrideConfig.ACKS_CONFIG, "-1");
    }

    @Test
    void recommendersOfferTheValuesOfEnumeratedKeys() {
      Map<String, ConfigValue> values = ProducerOverrideConfig.configDef().validateAll(Map.of());
      assertThat(values.get(ProducerOverrideConfig.ACKS_CONFIG).recommendedValues())
          .containsExactly("all", "1", "0");
      assertThat(values.get(ProducerOverrideConfig.COMPRESSION_TYPE_CONFIG).recommendedValues())
          .containsExactly("none", "gzip", "snappy", "lz4", "zstd");
      assertThat(values.get(ProducerOverrideConfig.ENABLE_IDEMPOTENCE_CONFIG).recommendedValues())
          .containsExactly(true, false);
      assertThat(values.values()).allSatisfy(v -> assertThat(v.errorMessages()).isEmpty());
    }

    @Test
    void configDefHandsOutACopy() {
      ConfigDef copy = ProducerOverrideConfig.configDef();
      copy.define("producer.override.max.request.size", ConfigDef.Type.INT, ConfigDef.Importance.LOW, "x");
      assertThat(ProducerOverrideConfig.configDef().names()).doesNotContain("producer.override.max.request.size");
    }

    @Test
    void configNameAddsThePrefix() {
      assertThat(ProducerOverrideConfig.configName("acks")).isEqualTo(ProducerOverrideConfig.ACKS_CONFIG)
          .isEqualTo("producer.override.acks");
    }
  }

  @Nested
  class Validate {
    @Test
    void noOverridesAreValid() {
      assertThat(ProducerOverrideConfig.validate(config())).isEmpty();
    }

    @Test
    void overridesBecomeSettingsWithTheirOrigin() {
      ProducerSettings overrides = ProducerOverrideConfig.overrides(config("producer.override.linger.ms", "20",
          "consumer.override.fetch.min.bytes", "1", "topic", "orders"));
      assertThat(overrides.toProperties()).containsExactly(Map.entry("linger.ms", "20"));
      assertThat(overrides.origin("linger.ms")).contains("set in the connector config");
    }

    @Test
    void eachErrorIsKeyedByTheOverrideItIsAbout() {
      Map<String, List<Violation>> violations = ProducerOverrideConfig.validate(config(
          "producer.override.enable.idempotence", "true",
          "producer.override.acks", "1",
          "producer.override.linger.ms", "-5",
          "producer.override.batch.size", "2000",
          "producer.override.buffer.memory", "1000"));
      assertThat(violations).containsOnlyKeys("producer.override.acks", "producer.override.linger.ms",
          "producer.override.batch.size");
      assertThat(ids(violations, "producer.override.acks")).containsExactly("courier.idempotence.acks");
      assertThat(ids(violations, "producer.override.linger.ms")).containsExactly("courier.invalid-value");
      assertThat(ids(violations, "producer.override.batch.size")).containsExactly("courier.batch-size.buffer-memory");
      assertThat(violations.get("producer.override.acks").get(0).message())
          .isEqualTo("enable.idempotence=true (set in the connector config) needs acks=all, but acks=1 (set in the"
              + " connector config). Fix: set acks to all, or turn idempotence off.");
    }

    @Test
    void connectsOwnDefaultsApplyNotKafkas() {
      // Kafka's defaults would make 6 in flight an error (idempotence on); Connect's producer is not idempotent.
      Map<String, List<Violation>> violations = ProducerOverrideConfig.validate(config(
          "producer.override.max.in.flight.requests.per.connection", "6"));
      assertThat(ids(violations, "producer.override.max.in.flight.requests.per.connection"))
          .containsExactly("courier.ordering");
      assertThat(violations.get("producer.override.max.in.flight.requests.per.connection").get(0).message())
          .startsWith("enable.idempotence=false (set by Kafka Connect's worker as its default), so"
              + " retries=2147483647 (Kafka's default) with max.in.flight.requests.per.connection=6 (set in the"
              + " connector config)");
      // Connect's delivery.timeout.ms of Integer.MAX_VALUE leaves room for any linger.
      assertThat(ProducerOverrideConfig.validate(config("producer.override.linger.ms", "600000"))).isEmpty();
    }

    @Test
    void transactionalIdIsNotAccepted() {
      Map<String, List<Violation>> violations =
          ProducerOverrideConfig.validate(config("producer.override.transactional.id", "my-tx"));
      assertThat(violations).containsOnlyKeys("producer.override.transactional.id");
      Violation v = violations.get("producer.override.transactional.id").get(0);
      assertThat(v.rule()).isEqualTo(Rule.CONNECT_TRANSACTIONAL_ID);
      assertThat(v.toString()).startsWith("[courier.connect.transactional-id] producer.override.transactional.id=my-tx"
          + " is not accepted (set in the connector config).").contains("exactly.once.source.support");
    }

    @Test
    void aMisspeltOverrideGetsADidYouMeanInConnectorTerms() {
      Map<String, List<Violation>> violations =
          ProducerOverrideConfig.validate(config("producer.override.ack", "all"));
      assertThat(violations.get("producer.override.ack")).singleElement().hasToString("[courier.unknown-key]"
          + " producer.override.ack is not a Kafka producer property (set in the connector config). Did you mean"
          + " producer.override.acks?");
    }

    @Test
    void exactlyOnceSupportForcesIdempotence() {
      Map<String, String> eos = config("exactly.once.support", "required", "producer.override.acks", "1",
          "producer.override.enable.idempotence", "false");
      Map<String, List<Violation>> violations = ProducerOverrideConfig.validate(eos);
      assertThat(ids(violations, "producer.override.enable.idempotence")).containsExactly("courier.conflict");
      assertThat(ids(violations, "producer.override.acks")).containsExactly("courier.idempotence.acks");
      assertThat(violations.get("producer.override.enable.idempotence").get(0).message()).isEqualTo(
          "producer.override.enable.idempotence=false (set in the connector config) contradicts"
              + " enable.idempotence=true (set by Kafka Connect's exactly-once source support). Fix: remove"
              + " producer.override.enable.idempotence from the connector config, or set it to true.");
      assertThat(ProducerOverrideConfig.validate(config("exactly.once.support", "requested",
          "producer.override.acks", "1"))).isEmpty();
    }
  }

  @Nested
  class WithAMessageType {
    private final ProducerSettings order = ProducerSettings.builder()
        .origin(ORIGIN)
        .sendMode(SendMode.SYNC)
        .acks(Acks.ALL)
        .idempotence(true)
        .maxInFlight(5)
        .lingerMs(20)
        .build();

    @Test
    void everyFixedSettingMustReachTheProducer() {
      Map<String, List<Violation>> violations = ProducerOverrideConfig.validate(config(), order);
      assertThat(violations).containsOnlyKeys("producer.override.enable.idempotence",
          "producer.override.max.in.flight.requests.per.connection", "producer.override.linger.ms");
      assertThat(violations.get("producer.override.enable.idempotence")).singleElement().hasToString(
          "[courier.connect.override] enable.idempotence=true is fixed (fixed by " + ORIGIN + "), but this"
              + " connector's producer would use enable.idempotence=false (Kafka Connect's default). Fix: add"
              + " producer.override.enable.idempotence=true to the connector config.");
      assertThat(violations.get("producer.override.linger.ms").get(0).message())
          .contains("would use linger.ms=5 (Kafka's default)");
    }

    @Test
    void matchingOverridesAreValid() {
      assertThat(ProducerOverrideConfig.validate(config(
          "producer.override.enable.idempotence", "true",
          "producer.override.max.in.flight.requests.per.connection", "5",
          "producer.override.linger.ms", "20",
          "producer.override.acks", "-1"), order)).isEmpty();
    }

    @Test
    void aContradictingOverrideIsAConflictNamingBoth() {
      Map<String, List<Violation>> violations = ProducerOverrideConfig.validate(config(
          "producer.override.enable.idempotence", "true",
          "producer.override.max.in.flight.requests.per.connection", "5",
          "producer.override.linger.ms", "0"), order);
      assertThat(violations).containsOnlyKeys("producer.override.linger.ms");
      assertThat(violations.get("producer.override.linger.ms")).singleElement().hasToString(
          "[courier.conflict] producer.override.linger.ms=0 (set in the connector config) contradicts linger.ms=20"
              + " (fixed by " + ORIGIN + "). Fix: remove producer.override.linger.ms from the connector config, or"
              + " set it to 20.");
    }
  }

  @Nested
  class Secrets {
    @Test
    void aPasswordOverrideKeyIsASecretWithOrWithoutThePrefix() {
      assertThat(ProducerOverrideConfig.isSecret("producer.override.ssl.key.password")).isTrue();
      assertThat(ProducerOverrideConfig.isSecret("producer.override.ssl.key.pasword")).isTrue();
      assertThat(ProducerOverrideConfig.isSecret("ssl.keystore.password")).isTrue();
    }

    @Test
    void ordinaryKeysAreNotSecrets() {
      for (String key : List.of("producer.override.acks", "producer.override.batch.size", "topic", "input.paths",
          "producer.override.ssl.truststore.location")) {
        assertThat(ProducerOverrideConfig.isSecret(key)).as(key).isFalse();
      }
    }

    @Test
    void aSecretOverrideIsHiddenInEveryViolation() {
      String secret = "Tr0ub4dor-and-3-horses";
      Map<String, List<Violation>> violations = ProducerOverrideConfig.validate(config(
          "producer.override.ssl.key.password", secret, "producer.override.ssl.key.pasword", secret,
          "producer.override.acks", "1", "producer.override.batch.size", "-5"),
          ProducerSettings.builder().origin(ORIGIN).property("ssl.key.password", "other").build());
      assertThat(violations).containsKeys("producer.override.ssl.key.password", "producer.override.ssl.key.pasword");
      assertThat(violations.toString()).doesNotContain(secret);
    }
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.courier.Acks;
import dev.courier.SendMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Secrets never leave the model: for every producer key Kafka types {@code PASSWORD}, and for keys that are misspelt
 * secret keys, the value appears in no {@code toString}, violation, exception message, Connect validation value or
 * error, nor in what {@code merge} logs, whichever surface the secret comes in through.
 */
class SecretsTest {
  private static final String SECRET = "Tr0ub4dor-and-3-horses";
  private static final String OTHER_SECRET = "c0rrect-h0rse-battery";

  static Stream<String> passwordKeys() {
    return ProducerConfig.configDef().configKeys().values().stream()
        .filter(k -> k.type == ConfigDef.Type.PASSWORD).map(k -> k.name).sorted();
  }

  private static String secretValue(String key) {
    return key.equals(SaslConfigs.SASL_JAAS_CONFIG)
        ? "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"" + SECRET
            + "\";"
        : SECRET;
  }

  private static void assertNoSecret(String where, Object text) {
    assertThat(String.valueOf(text)).as(where).doesNotContain(SECRET).doesNotContain(OTHER_SECRET);
  }

  @org.junit.jupiter.api.Test
  void kafkaHasThePasswordKeysThisTestExpects() {
    assertThat(passwordKeys().toList()).contains(SaslConfigs.SASL_JAAS_CONFIG, "ssl.key.password",
        "ssl.keystore.password", "ssl.truststore.password");
  }

  @ParameterizedTest
  @MethodSource("passwordKeys")
  void aFixedSecretIsHiddenInToStringAndInEveryViolation(String key) {
    // Invalid companions make every rule family report, so every message path runs with the secret set.
    ProducerSettings settings = ProducerSettings.builder()
        .origin("@KafkaMessage on com.acme.Secret")
        .sendMode(SendMode.SYNC)
        .acks(Acks.NONE)
        .idempotence(true)
        .property("batch.size", "-1")
        .property("compression.type", "gzipp")
        .property("security.protocol", "SASL_SSL")
        .property("sasl.mechanism", "")
        .property(key, secretValue(key))
        .build();

    assertNoSecret("toString", settings);
    List<Violation> violations = settings.violations();
    assertThat(violations).isNotEmpty();
    for (Violation v : violations) {
      assertNoSecret("violation " + v.id(), v);
      assertNoSecret("value of violation " + v.id(), v.value());
    }
  }

  @ParameterizedTest
  @MethodSource("passwordKeys")
  void aRuntimeSecretThatContradictsAFixedOneIsHiddenInTheExceptionAndTheLog(String key) {
    ProducerSettings settings = ProducerSettings.builder().origin("@KafkaMessage on com.acme.Secret")
        .property(key, secretValue(key)).build();
    Map<String, Object> runtime = new HashMap<>();
    runtime.put("bootstrap.servers", "localhost:9092");
    runtime.put(key, new Password(secretValue(key).replace(SECRET, OTHER_SECRET)));
    runtime.put("max.in.flight.requests.per.connection", "5");
    runtime.put("enable.idempotence", "false");

    StdErr.Captured<ProducerSettingsException> run = StdErr.capture(
        () -> catchThrowableOfType(ProducerSettingsException.class, () -> settings.merge(runtime)));

    assertThat(run.result()).isNotNull();
    assertThat(run.result().getMessage()).contains(key + "=[hidden]");
    assertNoSecret("exception", run.result().getMessage());
    assertNoSecret("violations", run.result().violations());
    assertNoSecret("log", run.output());
  }

  @ParameterizedTest
  @MethodSource("passwordKeys")
  void aRuntimeSecretIsHiddenInTheWarningsMergeLogs(String key) {
    Map<String, Object> runtime = new LinkedHashMap<>();
    runtime.put("bootstrap.servers", "localhost:9092");
    runtime.put(key, secretValue(key));
    runtime.put("enable.idempotence", "false");
    runtime.put("max.in.flight.requests.per.connection", "5");

    StdErr.Captured<Map<String, Object>> run = StdErr.capture(() -> ProducerSettings.empty().merge(runtime));

    assertThat(run.output()).contains("courier.ordering");
    assertNoSecret("log", run.output());
    assertThat(run.result()).containsEntry(key, secretValue(key));
  }

  @ParameterizedTest
  @MethodSource("passwordKeys")
  void aSecretOverrideOfAHostedProducerIsHiddenInEveryViolation(String key) {
    ProducerSettings fixed = ProducerSettings.builder().origin("@KafkaMessage on com.acme.Secret")
        .property(key, secretValue(key).replace(SECRET, OTHER_SECRET)).acks(Acks.ALL).build();
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put(key, secretValue(key));
    overrides.put("acks", "1");
    overrides.put("batch.size", "-5");

    List<Violation> violations = hosted(overrides).check(fixed);
    assertThat(violations).extracting(Violation::key).contains(key);
    assertNoSecret("violations", violations);
  }

  @ParameterizedTest
  @MethodSource("passwordKeys")
  void everyPasswordKeyIsASecret(String key) {
    assertThat(ProducerSettings.isSecret(key)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"acks", "batch.size", "topic", "ssl.truststore.location"})
  void ordinaryKeysAreNotSecrets(String key) {
    assertThat(ProducerSettings.isSecret(key)).isFalse();
  }

  private static HostedProducer hosted(Map<String, String> overrides) {
    return new HostedProducer(ProducerSettings.empty(), "the host's default",
        ProducerSettings.fromProperties(overrides, "set in the host's config"), "host.", "the host's config",
        Map.of(), ProducerSettings.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ssl.key.pasword", "ssl.truststore.passwrod", "ssl.keystore.passwd", "sasl.jaas.conifg",
      "sasl.jass.config", "ssl.truststore.pass", "ssl.key.pwd"})
  void theValueOfAMisspeltSecretKeyIsHiddenToo(String misspelt) {
    ProducerSettings settings = ProducerSettings.builder().property(misspelt, SECRET).build();
    assertNoSecret("toString", settings);
    List<Violation> violations = settings.violations();
    assertThat(violations).extracting(Violation::rule).contains(Rule.UNKNOWN_KEY);
    assertNoSecret("violations", violations);
    assertThat(violations).extracting(Violation::value).doesNotContain(SECRET);

    assertThat(ProducerSettings.isSecret(misspelt)).isTrue();
    List<Violation> hosted = hosted(Map.of(misspelt, SECRET)).check(ProducerSettings.empty());
    assertThat(hosted).extracting(Violation::key).contains(misspelt);
    assertThat(hosted).extracting(Violation::rule).contains(Rule.UNKNOWN_KEY);
    assertNoSecret("violations", hosted);
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The rules run inside {@code javac} and in every connector {@code validate()}: they must not print Kafka's
 * "ProducerConfig values" dump, although they reuse Kafka's ProducerConfig checks. The test logger shows
 * AbstractConfig at INFO (see simplelogger.properties), so the dump would be seen.
 */
class QuietCheckTest {

  @Test
  void kafkasOwnProducerConfigLogsItsValuesWhichProvesTheDumpWouldBeSeen() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "quiet-check-control");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    String output = StdErr.capture(() -> new ProducerConfig(config)).output();
    assertThat(output).contains("ProducerConfig values:");
  }

  @Test
  void checkingSettingsPrintsNothing() {
    ProducerSettings valid = ProducerSettings.builder().property("linger.ms", "20").build();
    ProducerSettings kafkaRejects = ProducerSettings.builder()
        .property("security.protocol", "SASL_PLAINTEXT")
        .property("sasl.mechanism", "")
        .build();
    StdErr.Captured<List<Violation>> valid1 = StdErr.capture(() -> ProducerRules.check(valid));
    StdErr.Captured<List<Violation>> rejected = StdErr.capture(() -> ProducerRules.check(kafkaRejects));
    assertThat(valid1.result()).isEmpty();
    assertThat(rejected.result()).extracting(Violation::id).containsExactly("courier.kafka");
    assertThat(valid1.output()).isEmpty();
    assertThat(rejected.output()).isEmpty();
  }
}

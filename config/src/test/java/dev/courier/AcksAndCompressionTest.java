/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/** The enums parse exactly what Kafka accepts, and their values are Kafka's. */
class AcksAndCompressionTest {

  @Test
  void acksParsesKafkasValuesAndTheSynonymOfAll() {
    assertThat(Acks.parse("0")).contains(Acks.NONE);
    assertThat(Acks.parse("1")).contains(Acks.LEADER);
    assertThat(Acks.parse("all")).contains(Acks.ALL);
    assertThat(Acks.parse("-1")).contains(Acks.ALL);
    assertThat(Acks.parse(" all ")).contains(Acks.ALL);
  }

  @Test
  void acksRejectsWhatKafkaRejects() {
    assertThat(Acks.parse("ALL")).isEmpty();
    assertThat(Acks.parse("2")).isEmpty();
    assertThat(Acks.parse("")).isEmpty();
    assertThat(Acks.parse(null)).isEmpty();
  }

  @Test
  void acksValuesAreKafkasAndRoundTrip() {
    ConfigDef.Validator kafka = ProducerConfig.configDef().configKeys().get(ProducerConfig.ACKS_CONFIG).validator;
    for (Acks acks : Acks.values()) {
      kafka.ensureValid(ProducerConfig.ACKS_CONFIG, acks.value());
      assertThat(Acks.parse(acks.value())).contains(acks);
      assertThat(acks).hasToString(acks.value());
    }
  }

  @Test
  void compressionParsesEveryCodecKafkaKnowsAndNothingElse() {
    ConfigDef.Validator kafka =
        ProducerConfig.configDef().configKeys().get(ProducerConfig.COMPRESSION_TYPE_CONFIG).validator;
    for (Compression codec : Compression.values()) {
      kafka.ensureValid(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec.value());
      assertThat(Compression.parse(codec.value())).contains(codec);
      assertThat(codec).hasToString(codec.value());
    }
    assertThat(kafka.toString()).isEqualTo("[none, gzip, snappy, lz4, zstd]");
    assertThat(Compression.parse(" lz4 ")).contains(Compression.LZ4);
    assertThat(Compression.parse("LZ4")).isEmpty();
    assertThat(Compression.parse("brotli")).isEmpty();
    assertThat(Compression.parse(null)).isEmpty();
  }

  @Test
  void onlySyncAndAsyncReturnMetadata() {
    assertThat(SendMode.SYNC.returnsMetadata()).isTrue();
    assertThat(SendMode.ASYNC.returnsMetadata()).isTrue();
    assertThat(SendMode.FIRE_AND_FORGET.returnsMetadata()).isFalse();
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.Acks;
import dev.courier.Compression;
import dev.courier.KafkaMessage;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/**
 * {@link Setting} is the one table of the attributes that fix producer keys: the annotation, the builder and the
 * accessors agree with it, and no attribute that fixes a key by value is missing from it.
 */
class SettingTest {

  /** The attributes that are not rows of the table, and why. */
  private static final List<String> NOT_SETTINGS = List.of(
      "topic", // where records go, not a producer key
      "sendMode", // a pseudo key of ProducerSettings, not a Kafka key
      "keySerializer", "valueSerializer", // classes, written by the generated producer
      "properties", // any other key, as text
      "reading", // the generated deserializer's, not the producer's
      "compatibility", // the build's evolution check's, not the producer's
      "valueFormat", "subjectNaming", // the value's framing, the runtime's Schema Registry step
      "outbox"); // whether an outbox writer is generated

  private static final Map<Setting.ValueType, Class<?>> JAVA_TYPES = Map.of(
      Setting.ValueType.ACKS, Acks.class,
      Setting.ValueType.COMPRESSION, Compression.class,
      Setting.ValueType.BOOLEAN, boolean.class,
      Setting.ValueType.STRING, String.class,
      Setting.ValueType.INT, int.class,
      Setting.ValueType.LONG, long.class);

  @Test
  void everyAttributeThatFixesAKeyIsARowInDeclarationOrder() {
    List<String> attributes = Arrays.stream(KafkaMessage.class.getDeclaredMethods())
        .map(Method::getName)
        .filter(name -> !NOT_SETTINGS.contains(name))
        .sorted()
        .toList();
    assertThat(Arrays.stream(Setting.values()).map(Setting::attribute).sorted().toList()).isEqualTo(attributes);
  }

  @Test
  void theAnnotationTheBuilderAndTheAccessorsHaveTheRowsNameAndType() throws Exception {
    for (Setting setting : Setting.values()) {
      Class<?> type = JAVA_TYPES.get(setting.valueType());
      assertThat(KafkaMessage.class.getMethod(setting.attribute()).getReturnType()).as("%s", setting).isEqualTo(type);
      Method setter = ProducerSettings.Builder.class.getMethod(setting.attribute(), type);
      assertThat(setter.getReturnType()).as("%s", setting).isEqualTo(ProducerSettings.Builder.class);
      Class<?> accessor = ProducerSettings.class.getMethod(setting.attribute()).getReturnType();
      assertThat(accessor).as("%s", setting).isEqualTo(
          type == int.class ? OptionalInt.class : type == long.class ? OptionalLong.class : Optional.class);
    }
  }

  @Test
  void eachSetterFixesTheRowsKafkaKeyAndTheAccessorReadsItBack() throws Exception {
    Map<Setting.ValueType, Object> samples = Map.of(
        Setting.ValueType.ACKS, Acks.LEADER,
        Setting.ValueType.COMPRESSION, Compression.ZSTD,
        Setting.ValueType.BOOLEAN, false,
        Setting.ValueType.STRING, "orders-tx",
        Setting.ValueType.INT, 7,
        Setting.ValueType.LONG, 9L);
    for (Setting setting : Setting.values()) {
      Class<?> type = JAVA_TYPES.get(setting.valueType());
      ProducerSettings.Builder builder = ProducerSettings.builder();
      ProducerSettings.Builder.class.getMethod(setting.attribute(), type)
          .invoke(builder, samples.get(setting.valueType()));
      ProducerSettings settings = builder.build();
      assertThat(settings.toProperties()).as("%s", setting).containsOnlyKeys(setting.kafkaKey());
      Object read = ProducerSettings.class.getMethod(setting.attribute()).invoke(settings);
      assertThat(read.toString()).as("%s", setting).contains(samples.get(setting.valueType()).toString());
      assertThat(Setting.forKafkaKey(setting.kafkaKey())).contains(setting);
      assertThat(Setting.forAttribute(setting.attribute())).contains(setting);
    }
    assertThat(Setting.forKafkaKey(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)).isEmpty();
    assertThat(Setting.forAttribute("topic")).isEmpty();
  }
}

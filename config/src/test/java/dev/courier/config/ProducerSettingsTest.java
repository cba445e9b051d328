/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.courier.Acks;
import dev.courier.Compression;
import dev.courier.SendMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

  private static final String ORIGIN = "@KafkaMessage on com.acme.Order";

  private static ProducerSettings orderSettings() {
    return ProducerSettings.builder()
        .origin(ORIGIN)
        .sendMode(SendMode.SYNC)
        .acks(Acks.ALL)
        .idempotence(true)
        .maxInFlight(5)
        .lingerMs(20)
        .compression(Compression.LZ4)
        .build();
  }

  @Nested
  class BuildingAndReading {
    @Test
    void everySetterFixesItsKafkaKeyInKafkasStringForm() {
      ProducerSettings settings = ProducerSettings.builder()
          .sendMode(SendMode.ASYNC)
          .acks(Acks.LEADER)
          .idempotence(false)
          .transactionalId("orders")
          .retries(3)
          .maxInFlight(1)
          .batchSize(65536)
          .lingerMs(20)
          .bufferMemory(67108864L)
          .compression(Compression.ZSTD)
          .deliveryTimeoutMs(60000)
          .requestTimeoutMs(20000)
          .property("max.request.size", "2097152")
          .build();
      assertThat(settings.toProperties()).containsExactly(
          Map.entry("acks", "1"),
          Map.entry("batch.size", "65536"),
          Map.entry("buffer.memory", "67108864"),
          Map.entry("compression.type", "zstd"),
          Map.entry("delivery.timeout.ms", "60000"),
          Map.entry("enable.idempotence", "false"),
          Map.entry("linger.ms", "20"),
          Map.entry("max.in.flight.requests.per.connection", "1"),
          Map.entry("max.request.size", "2097152"),
          Map.entry("request.timeout.ms", "20000"),
          Map.entry("retries", "3"),
          Map.entry("transactional.id", "orders"));
      assertThat(settings.sendMode()).contains(SendMode.ASYNC);
      assertThat(settings.acks()).contains(Acks.LEADER);
      assertThat(settings.idempotence()).contains(false);
      assertThat(settings.transactionalId()).contains("orders");
      assertThat(settings.retries()).hasValue(3);
      assertThat(settings.maxInFlight()).hasValue(1);
      assertThat(settings.batchSize()).hasValue(65536);
      assertThat(settings.lingerMs()).hasValue(20);
      assertThat(settings.bufferMemory()).hasValue(67108864L);
      assertThat(settings.compression()).contains(Compression.ZSTD);
      assertThat(settings.deliveryTimeoutMs()).hasValue(60000);
      assertThat(settings.requestTimeoutMs()).hasValue(20000);
      assertThat(settings.get("max.request.size")).contains("2097152");
      assertThat(settings.isEmpty()).isFalse();
    }

    @Test
    void unsetMeansNotFixed() {
      ProducerSettings empty = ProducerSettings.empty();
      assertThat(empty.isEmpty()).isTrue();
      assertThat(empty.sendMode()).isEmpty();
      assertThat(empty.acks()).isEmpty();
      assertThat(empty.idempotence()).isEmpty();
      assertThat(empty.retries()).isEmpty();
      assertThat(empty.lingerMs()).isEmpty();
      assertThat(empty.toProperties()).isEmpty();
      assertThat(ProducerSettings.builder().sendMode(SendMode.SYNC).build().isEmpty()).isFalse();
    }

    @Test
    void gettersReadValuesAsKafkaDoesAndReturnEmptyForValuesKafkaRejects() {
      ProducerSettings odd = ProducerSettings.builder()
          .property("acks", "ALL")
          .property("enable.idempotence", "yes")
          .property("compression.type", "GZIP")
          .property("retries", "many")
          .property("linger.ms", "-1")
          .build();
      assertThat(odd.acks()).isEmpty();
      assertThat(odd.idempotence()).isEmpty();
      assertThat(odd.compression()).isEmpty();
      assertThat(odd.retries()).isEqualTo(OptionalInt.empty());
      assertThat(odd.lingerMs()).isEqualTo(OptionalLong.empty());

      ProducerSettings lenient = ProducerSettings.builder()
          .property("acks", "-1")
          .property("enable.idempotence", "TRUE")
          .property("compression.type", " gzip ")
          .property("retries", " 7 ")
          .build();
      assertThat(lenient.acks()).contains(Acks.ALL);
      assertThat(lenient.idempotence()).contains(true);
      assertThat(lenient.compression()).contains(Compression.GZIP);
      assertThat(lenient.retries()).hasValue(7);
    }

    @Test
    void originsAreRememberedPerKeyAndALaterCallReplacesAValue() {
      ProducerSettings settings = ProducerSettings.builder()
          .origin("@KafkaMessage(acks) on com.acme.Order")
          .acks(Acks.LEADER)
          .origin(null)
          .lingerMs(5)
          .origin("@KafkaMessage(sendMode) on com.acme.Order")
          .sendMode(SendMode.SYNC)
          .origin("@KafkaMessage(acks) again")
          .acks(Acks.ALL)
          .build();
      assertThat(settings.acks()).contains(Acks.ALL);
      assertThat(settings.origin("acks")).contains("@KafkaMessage(acks) again");
      assertThat(settings.origin("linger.ms")).isEmpty();
      assertThat(settings.origin("sendMode")).contains("@KafkaMessage(sendMode) on com.acme.Order");
    }

    @Test
    void theSettingsAreImmutable() {
      ProducerSettings.Builder builder = ProducerSettings.builder().acks(Acks.ALL);
      ProducerSettings settings = builder.build();
      builder.acks(Acks.NONE).lingerMs(1);
      assertThat(settings.toProperties()).containsExactly(Map.entry("acks", "all"));
      assertThatThrownBy(() -> settings.toProperties().put("linger.ms", "1"))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderAndPutAllCarryValuesAndOrigins() {
      ProducerSettings base = orderSettings();
      assertThat(base.toBuilder().build()).isEqualTo(base);
      ProducerSettings more = ProducerSettings.builder()
          .origin("the connector config")
          .lingerMs(100)
          .batchSize(1024)
          .build();
      ProducerSettings combined = base.toBuilder().putAll(more).build();
      assertThat(combined.lingerMs()).hasValue(100);
      assertThat(combined.origin("linger.ms")).contains("the connector config");
      assertThat(combined.origin("acks")).contains(ORIGIN);
      assertThat(combined.sendMode()).contains(SendMode.SYNC);
    }

    @Test
    void equalityIsAboutValuesNotOrigins() {
      ProducerSettings a = ProducerSettings.builder().origin("here").acks(Acks.ALL).build();
      ProducerSettings b = ProducerSettings.builder().origin("there").acks(Acks.ALL).build();
      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
      assertThat(a).isNotEqualTo(ProducerSettings.builder().acks(Acks.LEADER).build());
      assertThat(a).isNotEqualTo(a.toBuilder().sendMode(SendMode.SYNC).build());
    }
  }

  @Nested
  class FromProperties {
    @Test
    void typedValuesAreKeptInKafkasStringForm() {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("linger.ms", 20L);
      properties.put("enable.idempotence", Boolean.TRUE);
      properties.put("partitioner.class", StringSerializer.class);
      properties.put("interceptor.classes", List.of(StringSerializer.class, "com.acme.Other"));
      properties.put("ssl.key.password", new Password("hunter2"));
      properties.put("client.id", null);
      ProducerSettings settings = ProducerSettings.fromProperties(properties, "set in the connector config");
      assertThat(settings.toProperties()).containsExactly(
          Map.entry("enable.idempotence", "true"),
          Map.entry("interceptor.classes", "org.apache.kafka.common.serialization.StringSerializer,com.acme.Other"),
          Map.entry("linger.ms", "20"),
          Map.entry("partitioner.class", "org.apache.kafka.common.serialization.StringSerializer"),
          Map.entry("ssl.key.password", "hunter2"));
      assertThat(settings.origin("linger.ms")).contains("set in the connector config");
      assertThat(settings.violations()).isEmpty();
    }
  }

  @Nested
  class Secrets {
    @Test
    void toStringHidesPasswords() {
      ProducerSettings settings = ProducerSettings.builder()
          .sendMode(SendMode.SYNC)
          .acks(Acks.ALL)
          .property("ssl.truststore.password", "hunter2")
          .property("sasl.jaas.config", "PlainLoginModule required password=\"hunter2\";")
          .build();
      assertThat(settings.toString())
          .isEqualTo("ProducerSettings{sendMode=SYNC, acks=all, sasl.jaas.config=[hidden],"
              + " ssl.truststore.password=[hidden]}")
          .doesNotContain("hunter2");
      assertThat(settings.toProperties()).containsEntry("ssl.truststore.password", "hunter2");
    }

    @Test
    void conflictMessagesHideBothSecretValues() {
      ProducerSettings settings = ProducerSettings.builder().property("ssl.key.password", "fixed-secret").build();
      ProducerSettingsException e = catchThrowableOfType(ProducerSettingsException.class,
          () -> settings.merge(Map.of("ssl.key.password", "runtime-secret")));
      assertThat(e.violations()).extracting(Violation::id).containsExactly("courier.conflict");
      assertThat(e.getMessage()).doesNotContain("fixed-secret").doesNotContain("runtime-secret")
          .contains("ssl.key.password=[hidden]");
      assertThat(e.violations().get(0).value()).isEqualTo("[hidden]");
    }
  }

  @Nested
  class Merge {
    @Test
    void runtimePropertiesAreKeptAndFixedOnesAdded() {
      Map<String, Object> runtime = new HashMap<>();
      runtime.put("bootstrap.servers", "broker:9092");
      runtime.put("client.id", "orders-1");
      runtime.put("acks", "-1");
      Map<String, Object> merged = orderSettings().merge(runtime);
      assertThat(merged).containsEntry("bootstrap.servers", "broker:9092")
          .containsEntry("client.id", "orders-1")
          .containsEntry("acks", "-1")
          .containsEntry("enable.idempotence", "true")
          .containsEntry("linger.ms", "20")
          .containsEntry("compression.type", "lz4")
          .doesNotContainKey("sendMode");
      assertThat(runtime).hasSize(3);
      merged.put("extra", "x");
    }

    @Test
    void runtimeValuesEqualAsKafkaParsesThemAreNotConflicts() {
      Map<String, Object> runtime = Map.of("max.in.flight.requests.per.connection", 5, "linger.ms", " 20",
          "enable.idempotence", "TRUE", "compression.type", "lz4 ");
      assertThat(orderSettings().merge(runtime)).containsEntry("max.in.flight.requests.per.connection", 5);
    }

    @Test
    void aContradictingRuntimeValueIsAnErrorNamingBothAndTheOrigin() {
      ProducerSettingsException e = catchThrowableOfType(ProducerSettingsException.class,
          () -> orderSettings().merge(Map.of("linger.ms", "0")));
      assertThat(e).isInstanceOf(ConfigException.class);
      Violation v = e.violations().get(0);
      assertThat(v.rule()).isEqualTo(Rule.CONFLICT);
      assertThat(v.key()).isEqualTo("linger.ms");
      assertThat(v.value()).isEqualTo("0");
      assertThat(e.getMessage()).isEqualTo("[courier.conflict] linger.ms=0 (set in the runtime properties)"
          + " contradicts linger.ms=20 (fixed by @KafkaMessage on com.acme.Order). Fix: remove linger.ms from the"
          + " runtime properties, or set it to 20.");
    }

    @Test
    void caseMattersWhereKafkaSeesIt() {
      ProducerSettings settings = ProducerSettings.builder().property("client.id", "Orders").build();
      assertThat(catchThrowableOfType(ProducerSettingsException.class,
              () -> settings.merge(Map.of("client.id", "orders"))).violations())
          .extracting(Violation::id).containsExactly("courier.conflict");
    }

    @Test
    void theFixedTransactionalIdIsAPrefix() {
      ProducerSettings settings = ProducerSettings.builder().transactionalId("orders-tx").build();
      assertThat(settings.merge(Map.of("transactional.id", "orders-tx-7"))).containsEntry("transactional.id",
          "orders-tx-7");
      assertThat(settings.merge(Map.of())).containsEntry("transactional.id", "orders-tx");
      ProducerSettingsException e = catchThrowableOfType(ProducerSettingsException.class,
          () -> settings.merge(Map.of("transactional.id", "payments-tx")));
      assertThat(e.getMessage()).contains("transactional.id=payments-tx (set in the runtime properties) contradicts"
          + " transactional.id=orders-tx", "or set it to orders-tx (or orders-tx followed by an instance suffix).");
    }

    @Test
    void conflictsAndRuleErrorsAreReportedTogether() {
      ProducerSettings settings = ProducerSettings.builder().origin(ORIGIN).idempotence(true).lingerMs(20).build();
      ProducerSettingsException e = catchThrowableOfType(ProducerSettingsException.class,
          () -> settings.merge(Map.of("linger.ms", "0", "acks", "1", "batch.size", "-1")));
      assertThat(e.violations()).extracting(Violation::id)
          .containsExactly("courier.conflict", "courier.invalid-value", "courier.idempotence.acks");
      assertThat(e.getMessage()).startsWith("3 producer settings are invalid:\n  [courier.conflict] linger.ms=0");
      assertThat(e.violations().get(2).message()).contains("enable.idempotence=true (fixed by " + ORIGIN + ")",
          "acks=1 (set in the runtime properties)");
    }

    @Test
    void runtimeWarningsAreLoggedNotThrown() {
      ProducerSettings settings = ProducerSettings.builder().idempotence(false).build();
      StdErr.Captured<Map<String, Object>> run = StdErr.capture(
          () -> settings.merge(Map.of("max.in.flight.requests.per.connection", "3")));
      assertThat(run.result()).containsEntry("enable.idempotence", "false");
      assertThat(run.output()).contains("WARN dev.courier.config.ProducerSettings - [courier.ordering]"
          + " enable.idempotence=false, so retries=2147483647 (Kafka's default) with"
          + " max.in.flight.requests.per.connection=3 (set in the runtime properties)");
    }

    @Test
    void aNullRuntimeValueIsNotSetAndTheFixedOneApplies() {
      Map<String, Object> runtime = new HashMap<>();
      runtime.put("linger.ms", null);
      assertThat(orderSettings().merge(runtime)).containsEntry("linger.ms", "20");
    }

    @Test
    void violationsCheckTheFixedSettingsAlone() {
      assertThat(orderSettings().violations()).isEmpty();
      assertThat(ProducerSettings.builder().acks(Acks.NONE).sendMode(SendMode.SYNC).build().violations())
          .extracting(Violation::id).contains("courier.send-mode.acks");
      assertThat(Optional.of(orderSettings().toString())).contains(
          "ProducerSettings{sendMode=SYNC, acks=all, compression.type=lz4, enable.idempotence=true, linger.ms=20,"
              + " max.in.flight.requests.per.connection=5}");
    }
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.connect.ConnectorConfigs;
import dev.courier.connect.FakeTaskContext;
import dev.courier.connect.MessageClassConfig;
import dev.courier.connect.fixtures.OrderPlaced;
import dev.courier.connect.fixtures.StrictOrder;
import dev.courier.connect.messages.EveryKind;
import dev.courier.connect.messages.ParcelScanned;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceConnectorTest {

  @TempDir Path root;
  Path in;
  Path done;
  final FileSourceConnector connector = new FileSourceConnector();

  @BeforeEach
  void dirs() throws Exception {
    in = Files.createDirectories(root.resolve("in"));
    done = Files.createDirectories(root.resolve("done"));
  }

  Map<String, String> valid(String... more) {
    Map<String, String> config = new HashMap<>();
    config.put("name", "files");
    config.put("connector.class", FileSourceConnector.class.getName());
    config.put("input.paths", in.toString());
    config.put("input.file.pattern", ".*\\.json");
    config.put("format", "json");
    config.put("topic", "events");
    config.put("spool.finished.path", done.toString());
    return ConnectorConfigs.with(config, more);
  }

  Map<String, List<String>> errors(Map<String, String> config) {
    return ConnectorConfigs.errors(connector, config);
  }

  @Test
  void aValidConfigHasNoErrors() {
    assertThat(errors(valid())).isEmpty();
    assertThat(errors(valid("mode", "tail", "spool.finished.path", null))).isEmpty();
  }

  @Test
  void eachProblemIsAttachedToItsKey() {
    assertThat(errors(valid("topic", null))).containsOnlyKeys("topic");
    assertThat(errors(valid("topic", "bad topic!"))).containsOnlyKeys("topic");
    assertThat(errors(valid("input.paths", "relative/dir"))).containsOnlyKeys("input.paths");
    assertThat(errors(valid("input.paths", in + "/../in"))).containsOnlyKeys("input.paths");
    assertThat(errors(valid("input.paths", root.resolve("missing").toString()))).containsOnlyKeys("input.paths");
    assertThat(errors(valid("input.file.pattern", "(unclosed"))).containsOnlyKeys("input.file.pattern");
    assertThat(errors(valid("format", "xml"))).containsOnlyKeys("format");
    assertThat(errors(valid("spool.finished.path", null))).containsOnlyKeys("spool.finished.path");
    assertThat(errors(valid("spool.finished.path", in.toString()))).containsOnlyKeys("spool.finished.path");
    assertThat(errors(valid("bad.record.policy", "dead-letter"))).containsOnlyKeys("bad.record.dead.letter.topic");
    assertThat(errors(valid("bad.record.policy", "dead-letter", "bad.record.dead.letter.topic", "events")))
        .containsOnlyKeys("bad.record.dead.letter.topic");
    assertThat(errors(valid("format", "text", "key.member", "id"))).containsOnlyKeys("key.member");
    assertThat(errors(valid("format", "text", "key.field", "id"))).containsOnlyKeys("key.field");
    assertThat(errors(valid("csv.delimiter", "\""))).containsOnlyKeys("csv.delimiter");
    assertThat(errors(valid("record.max.bytes", "3"))).containsOnlyKeys("record.max.bytes");
    assertThat(errors(valid("value.converter", "org.apache.kafka.connect.storage.StringConverter")))
        .containsOnlyKeys("value.converter");
  }

  @Test
  void keyFieldIsTheOldNameOfKeyMember() {
    assertThat(errors(valid("key.member", "id"))).isEmpty();
    assertThat(errors(valid("key.field", "id"))).isEmpty();
    assertThat(errors(valid("key.member", "id", "key.field", "id"))).isEmpty();
    assertThat(errors(valid("key.member", "id", "key.field", "customer"))).containsOnlyKeys("key.field")
        .extractingByKey("key.field").asString().contains("key.field is the old name of key.member");
  }

  @Test
  void tailLimitsAreCheckedOnTheirKeys() {
    assertThat(errors(valid("mode", "tail", "tail.max.open.files", "0"))).containsOnlyKeys("tail.max.open.files");
    assertThat(errors(valid("mode", "tail", "tail.max.open.files", "many"))).containsOnlyKeys("tail.max.open.files");
    assertThat(errors(valid("mode", "tail", "tail.max.tracked.files", "0")))
        .containsOnlyKeys("tail.max.tracked.files");
    assertThat(errors(valid("mode", "tail", "tail.max.open.files", "1", "tail.max.tracked.files", "1"))).isEmpty();
    assertThat(visible(valid("mode", "tail"), "tail.max.open.files")).isTrue();
    assertThat(visible(valid("mode", "tail"), "tail.max.tracked.files")).isTrue();
    assertThat(visible(valid(), "tail.max.open.files")).isFalse();
    assertThat(visible(valid(), "csv.delimiter")).isFalse();
    assertThat(visible(valid("format", "csv"), "csv.delimiter")).isTrue();
  }

  private boolean visible(Map<String, String> config, String key) {
    return connector.validate(config).configValues().stream().filter(v -> v.name().equals(key)).findFirst()
        .orElseThrow().visible();
  }

  @Test
  @org.junit.jupiter.api.condition.EnabledOnOs(value = {org.junit.jupiter.api.condition.OS.LINUX,
      org.junit.jupiter.api.condition.OS.MAC}, disabledReason = "only Unix JVMs report an open-file limit")
  void tailMaxOpenFilesAboveHalfTheWorkersOpenFileLimitIsAnError() {
    long limit = ((com.sun.management.UnixOperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getMaxFileDescriptorCount();
    org.junit.jupiter.api.Assumptions.assumeTrue(limit < 2_000_000,
        "the open-file limit " + limit + " is above what tail.max.open.files accepts anyway");

    assertThat(errors(valid("mode", "tail", "tail.max.open.files", Long.toString(limit / 2)))).isEmpty();
    Map<String, List<String>> errors = errors(valid("mode", "tail", "tail.max.open.files",
        Long.toString(limit / 2 + 1)));
    assertThat(errors).containsOnlyKeys("tail.max.open.files");
    assertThat(errors.get("tail.max.open.files").get(0)).contains("ulimit -n").contains(Long.toString(limit))
        .contains("at most " + limit / 2);
    // In spool mode at most one file is open, so the key does not matter.
    assertThat(errors(valid("tail.max.open.files", Long.toString(limit / 2 + 1)))).isEmpty();
  }

  @Test
  void producerOverridesAreCheckedByTheSharedRulesOnTheExactKey() {
    Map<String, List<String>> errors = errors(valid("producer.override.enable.idempotence", "true",
        "producer.override.acks", "1"));
    assertThat(errors).containsOnlyKeys("producer.override.acks");
    assertThat(errors.get("producer.override.acks")).singleElement().asString()
        .startsWith("[courier.idempotence.acks]");

    assertThat(errors(valid("producer.override.lingr.ms", "5"))).containsOnlyKeys("producer.override.lingr.ms")
        .extractingByKey("producer.override.lingr.ms").asString().contains("linger.ms");
  }

  @Test
  void theValueOfASecretProducerOverrideWithAnErrorIsHidden() {
    String secret = "hunter2-Secret-99";
    Config result = connector.validate(valid("producer.override.ssl.truststore.pasword", secret,
        "producer.override.ssl.key.password", secret, "producer.override.transactional.id", "tx"));

    ConfigValue typo = result.configValues().stream()
        .filter(v -> v.name().equals("producer.override.ssl.truststore.pasword")).findFirst().orElseThrow();
    assertThat(typo.errorMessages()).singleElement().asString().startsWith("[courier.unknown-key]");
    assertThat(String.valueOf(typo.value())).isEqualTo("[hidden]");
    assertThat(result.configValues()).allSatisfy(v -> {
      assertThat(String.valueOf(v.value())).doesNotContain(secret);
      assertThat(v.errorMessages().toString()).doesNotContain(secret);
    });
    // An ordinary key's value is shown as it was given.
    ConfigValue transactional = result.configValues().stream()
        .filter(v -> v.name().equals("producer.override.transactional.id")).findFirst().orElseThrow();
    assertThat(transactional.value()).isEqualTo("tx");
  }

  @Test
  void messageClassGivesTopicAndKeyAndItsFixedSettingsMustBeMatched() {
    Map<String, String> config = valid("topic", null, "message.class", "dev.courier.connect.fixtures.OrderPlaced",
        "producer.override.acks", "all", "producer.override.linger.ms", "20");
    config.putAll(BYTE_ARRAY_CONVERTERS);
    assertThat(errors(config)).isEmpty();

    config.put("producer.override.linger.ms", "5");
    Map<String, List<String>> contradicted = errors(config);
    assertThat(contradicted).containsOnlyKeys("producer.override.linger.ms");
    assertThat(contradicted.get("producer.override.linger.ms")).singleElement().asString()
        .startsWith("[courier.conflict]").contains("dev.courier.connect.fixtures.OrderPlaced");

    config.remove("producer.override.linger.ms");
    assertThat(errors(config).get("producer.override.linger.ms")).singleElement().asString()
        .startsWith("[courier.connect.override]").contains("add producer.override.linger.ms=20");
    config.remove("producer.override.acks");
    assertThat(errors(config)).as("acks=all is Connect's default already").doesNotContainKey(
        "producer.override.acks");

    config.put("producer.override.linger.ms", "20");
    config.put("topic", "other");
    config.put("key.field", "customer");
    assertThat(errors(config)).containsOnlyKeys("topic", "key.field");

    assertThat(errors(valid("message.class", "com.acme.Missing"))).containsOnlyKeys("message.class")
        .extractingByKey("message.class").asString().contains("@KafkaMessage");
  }

  static final Map<String, String> BYTE_ARRAY_CONVERTERS = Map.of(
      "key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter",
      "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter",
      "header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");

  @Test
  void messageClassNeedsByteArrayConvertersForKeysValuesAndHeaders() {
    Map<String, String> config = valid("topic", null, "message.class", "dev.courier.connect.fixtures.OrderPlaced",
        "producer.override.acks", "all", "producer.override.linger.ms", "20");
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");

    Map<String, List<String>> errors = errors(config);
    assertThat(errors).containsOnlyKeys("key.converter", "value.converter", "header.converter");
    assertThat(errors.get("value.converter")).singleElement().asString()
        .startsWith("value.converter=org.apache.kafka.connect.json.JsonConverter, but with message.class=")
        .contains("re-encode")
        .endsWith("Fix: set value.converter=org.apache.kafka.connect.converters.ByteArrayConverter.");
    assertThat(errors.get("header.converter")).singleElement().asString()
        .startsWith("header.converter is not set").contains("the worker's default converter applies");

    config.putAll(BYTE_ARRAY_CONVERTERS);
    assertThat(errors(config)).isEmpty();
    config.remove("message.class");
    config.put("topic", "events");
    assertThat(errors(config)).as("without message.class any converter will do").isEmpty();
  }

  @Test
  void theConnectorAndEveryTaskRefuseAtStartWhatValidateRefusesWithItsMessage() {
    List<Map<String, String>> broken = List.of(
        valid("topic", null),
        valid("format", "text", "key.field", "id"),
        valid("spool.finished.path", null),
        valid("bad.record.policy", "dead-letter", "bad.record.dead.letter.topic", "events"),
        valid("value.converter", "org.apache.kafka.connect.storage.StringConverter"),
        valid("topic", null, "message.class", "dev.courier.connect.fixtures.OrderPlaced"));
    for (Map<String, String> config : broken) {
      Map<String, List<String>> errors = errors(config);
      assertThat(errors).as("validate(%s)", config).isNotEmpty();
      for (Runnable start : List.<Runnable>of(() -> new FileSourceConnector().start(config), () -> {
        FileSourceTask task = new FileSourceTask();
        task.initialize(new FakeTaskContext(config, false));
        task.start(config);
      })) {
        assertThatThrownBy(start::run).as("start(%s)", config).isInstanceOf(ConfigException.class)
            .satisfies(e -> errors.forEach((key, messages) -> messages.forEach(
                message -> assertThat(e.getMessage()).contains(key + ": " + message))));
      }
    }
    // Lists, maps and nested records are never required members (only primitives are), so a CSV file can leave
    // them out: they are null in every record read from it.
    assertThat(errors(withMessageClass(valid("topic", null, "format", "csv"), ParcelScanned.class))).isEmpty();
    assertThat(errors(withMessageClass(valid("topic", null, "format", "csv"), EveryKind.class))).isEmpty();
  }

  @Test
  void messageReadingMayReadMoreStrictlyThanTheTypeNeverLessAndValidateSaysWhichValuesApply() {
    assertThat(errors(valid("message.reading", "sloppy"))).containsOnlyKeys("message.reading");
    assertThat(errors(valid("message.reading", "strict"))).containsOnlyKeys("message.reading");
    assertThat(errors(valid("message.reading", "strict")).get("message.reading")).singleElement().asString()
        .contains("applies only to input read into a message.class type");
    assertThat(recommended(valid())).containsExactly("type");

    Map<String, String> tolerantType = withMessageClass(valid("topic", null), OrderPlaced.class);
    for (String reading : List.of("type", "strict", "tolerant", "Strict")) {
      assertThat(errors(ConnectorConfigs.with(tolerantType, "message.reading", reading))).as(reading).isEmpty();
    }
    assertThat(recommended(tolerantType)).containsExactly("type", "strict", "tolerant");

    Map<String, String> strictType = withMessageClass(valid("topic", null), StrictOrder.class);
    assertThat(errors(strictType)).isEmpty();
    assertThat(errors(ConnectorConfigs.with(strictType, "message.reading", "strict"))).isEmpty();
    Map<String, List<String>> looser = errors(ConnectorConfigs.with(strictType, "message.reading", "tolerant"));
    assertThat(looser).containsOnlyKeys("message.reading");
    assertThat(looser.get("message.reading")).singleElement().asString()
        .startsWith("message.reading=tolerant would read dev.courier.connect.fixtures.StrictOrder more loosely")
        .contains("never less").endsWith("or declare the type tolerant.");
    assertThat(recommended(strictType)).containsExactly("type", "strict");
  }

  private List<Object> recommended(Map<String, String> config) {
    return connector.validate(config).configValues().stream()
        .filter(value -> value.name().equals("message.reading")).findFirst().orElseThrow().recommendedValues();
  }

  private static Map<String, String> withMessageClass(Map<String, String> config, Class<?> type) {
    config.putAll(MessageClassConfig.of(type));
    return config;
  }

  @Test
  void tasksGetTheirBucketAndEveryModeSupportsExactlyOnce() {
    connector.start(valid());
    List<Map<String, String>> tasks = connector.taskConfigs(3);
    assertThat(tasks).extracting(t -> t.get("courier.task.index")).containsExactly("0", "1", "2");
    assertThat(tasks).allSatisfy(t -> assertThat(t).containsEntry("courier.task.count", "3")
        .containsEntry("topic", "events"));
    assertThat(connector.exactlyOnceSupport(valid())).isEqualTo(ExactlyOnceSupport.SUPPORTED);
    assertThat(connector.canDefineTransactionBoundaries(valid()))
        .isEqualTo(ConnectorTransactionBoundaries.SUPPORTED);
    assertThat(connector.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void alterOffsetsAcceptsOnlyWellFormedOffsetsOfFilesInTheInputDirectories() {
    String file = in.resolve("a.json").toString();
    Map<String, String> config = valid();
    assertThat(connector.alterOffsets(config, Map.of(Map.of("path", file), Map.of("position", 10)))).isTrue();
    assertThat(connector.alterOffsets(config, Map.of(Map.of("path", file), Map.of("position", 10L, "line", 3L,
        "head.length", 10L, "head.crc", 12345L)))).isTrue();
    Map<Map<String, ?>, Map<String, ?>> reset = new HashMap<>();
    reset.put(Map.of("path", file), null);
    assertThat(connector.alterOffsets(config, reset)).isTrue();

    assertThatThrownBy(() -> connector.alterOffsets(config, Map.of(Map.of("path", "/etc/passwd"),
        Map.of("position", 0)))).isInstanceOf(ConnectException.class).hasMessageContaining("outside input.paths");
    assertThatThrownBy(() -> connector.alterOffsets(config, Map.of(Map.of("path", in.toString()),
        Map.of("position", 0)))).isInstanceOf(ConnectException.class).hasMessageContaining("outside input.paths");
    assertThatThrownBy(() -> connector.alterOffsets(config, Map.of(Map.of("path", in + "/../x"),
        Map.of("position", 0)))).isInstanceOf(ConnectException.class).hasMessageContaining("'..'");
    assertThatThrownBy(() -> connector.alterOffsets(config, Map.of(Map.of("file", file),
        Map.of("position", 0)))).isInstanceOf(ConnectException.class).hasMessageContaining("unknown key 'file'");
    assertThatThrownBy(() -> connector.alterOffsets(config, Map.of(Map.of("path", file),
        Map.of("position", -1)))).isInstanceOf(ConnectException.class).hasMessageContaining("0 or more");
    assertThatThrownBy(() -> connector.alterOffsets(config, Map.of(Map.of("path", file),
        Map.of("position", "10")))).isInstanceOf(ConnectException.class).hasMessageContaining("whole number");
    assertThatThrownBy(() -> connector.alterOffsets(config, Map.of(Map.of("path", file),
        Map.of("line", 3)))).isInstanceOf(ConnectException.class).hasMessageContaining("has no 'position'");
    assertThatThrownBy(() -> connector.alterOffsets(config, Map.of(Map.of("path", file),
        Map.of("position", 5, "head.length", 5)))).isInstanceOf(ConnectException.class)
        .hasMessageContaining("both 'head.length' and 'head.crc'");
  }

  @Test
  void alterOffsetsRefusesAPathThatLeadsOutsideThroughASymbolicLink() throws Exception {
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.createSymbolicLink(in.resolve("linked"), outside);
    Map<String, String> config = valid();

    for (String path : List.of(in.resolve("linked").resolve("secret.json").toString(),
        in.resolve("linked").resolve("not-yet").resolve("x.json").toString())) {
      assertThatThrownBy(() -> connector.alterOffsets(config, Map.of(Map.of("path", path), Map.of("position", 0))))
          .as(path).isInstanceOf(ConnectException.class).hasMessageContaining("outside input.paths")
          .hasMessageContaining("it leads to " + outside.toRealPath());
    }
    // A file that does not exist yet, under a real sub-directory, is still accepted.
    assertThat(connector.alterOffsets(config, Map.of(Map.of("path", in.resolve("later").resolve("b.json")
        .toString()), Map.of("position", 0)))).isTrue();
  }
}

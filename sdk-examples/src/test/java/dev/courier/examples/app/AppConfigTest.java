/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.config.ProducerSettingsException;
import dev.courier.examples.orders.OrderPlacedProducer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {

  @TempDir
  Path dir;

  @Test
  void theEnvironmentOverridesTheFile() throws Exception {
    Path file = write("bootstrap.servers=file:9092\nclient.id=from-file\nlinger.ms = 10 \n");

    AppConfig config = AppConfig.load(file, Map.of(
        "COURIER_PRODUCER_BOOTSTRAP_SERVERS", "env:9092",
        "COURIER_PRODUCER_MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION", "5",
        "KAFKA_HOME", "/opt/kafka"));

    assertThat(config.producerProperties()).containsExactly(
        Map.entry("bootstrap.servers", "env:9092"),
        Map.entry("client.id", "from-file"),
        Map.entry("linger.ms", "10"),
        Map.entry("max.in.flight.requests.per.connection", "5"));
    assertThat(config.describe("bootstrap.servers"))
        .isEqualTo("bootstrap.servers=env:9092 (from environment variable COURIER_PRODUCER_BOOTSTRAP_SERVERS)");
    assertThat(config.describe("client.id")).isEqualTo("client.id=from-file (from file " + file + ")");
    assertThat(config.describe("acks")).isEqualTo("acks is not set");
  }

  @Test
  void theFileCanComeFromTheEnvironmentAndDefaultsDoNotOverrideIt() throws Exception {
    Path file = write("client.id=from-file\n");

    AppConfig config = AppConfig.load(null, Map.of("COURIER_CONFIG", file.toString()))
        .withDefault("client.id", "app-default").withDefault("linger.ms", "5");

    assertThat(config.producerProperties()).containsEntry("client.id", "from-file").containsEntry("linger.ms", "5");
    assertThat(config.describe("linger.ms")).isEqualTo("linger.ms=5 (from the application's default)");
  }

  @Test
  void variableNamesMapToKeys() {
    assertThat(AppConfig.keyOf("COURIER_PRODUCER_BOOTSTRAP_SERVERS")).isEqualTo("bootstrap.servers");
    assertThat(AppConfig.keyOf("COURIER_PRODUCER_SASL_JAAS_CONFIG")).isEqualTo("sasl.jaas.config");
    assertThat(AppConfig.keyOf("COURIER_PRODUCER_MY__CUSTOM_KEY")).isEqualTo("my_custom.key");
    assertThatThrownBy(() -> AppConfig.load(null, Map.of("COURIER_PRODUCER_", "x")))
        .isInstanceOf(AppException.class).hasMessageContaining("environment variable COURIER_PRODUCER_ does not"
            + " name a producer key");
  }

  @Test
  void aMissingFileIsNamedWithWhereItsPathCameFrom() {
    Path missing = dir.resolve("nope.properties");
    assertThatThrownBy(() -> AppConfig.load(missing, Map.of())).isInstanceOf(AppException.class)
        .hasMessage("the configuration file " + missing.toAbsolutePath() + " (from the command line) does not exist");
    assertThatThrownBy(() -> AppConfig.load(null, Map.of("COURIER_CONFIG", missing.toString())))
        .hasMessageContaining("(from environment variable COURIER_CONFIG)");
  }

  @Test
  void passwordsNeverAppear() throws Exception {
    Path file = write("sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
        + " username=\"u\" password=\"s3cret\";\nssl.key.password=hunter2\n");

    AppConfig config = AppConfig.load(file, Map.of());

    assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("hunter2")
        .contains("sasl.jaas.config=[hidden]", "ssl.key.password=[hidden]");
    assertThat(config.describe("ssl.key.password")).isEqualTo("ssl.key.password=[hidden] (from file " + file + ")");
  }

  @Test
  void aRuntimeValueThatContradictsTheTypeIsExplainedWithItsSource() {
    AppConfig config = AppConfig.load(null, Map.of("COURIER_PRODUCER_ACKS", "1",
        "COURIER_PRODUCER_BOOTSTRAP_SERVERS", "localhost:1"));

    ProducerSettingsException e = org.junit.jupiter.api.Assertions.assertThrows(ProducerSettingsException.class,
        () -> OrderPlacedProducer.create(config.producerProperties()).close());

    assertThat(config.explain(e))
        .startsWith("the producer configuration is invalid:\n  [courier.")
        .contains("acks")
        .contains("runtime value: acks=1 (from environment variable COURIER_PRODUCER_ACKS)");
  }

  @Test
  void commandLinesAreCheckedAgainstTheKnownOptions() {
    CommandLine commandLine = CommandLine.parse(new String[] {"--config", "a.properties", "in.jsonl", "--count=3"},
        Set.of("--config", "--count"), "usage: x");
    assertThat(commandLine.path("--config")).isEqualTo(Path.of("a.properties"));
    assertThat(commandLine.positiveInt("--count", 1)).isEqualTo(3);
    assertThat(commandLine.positiveInt("--other", 7)).isEqualTo(7);
    assertThat(commandLine.positionals()).containsExactly("in.jsonl");
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"--count", "-1"}, Set.of("--count"), "usage: x")
        .positiveInt("--count", 1)).hasMessage("option --count is '-1'; it takes a positive integer; usage: x");
  }

  private Path write(String content) throws Exception {
    Path file = dir.resolve("app.properties");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}

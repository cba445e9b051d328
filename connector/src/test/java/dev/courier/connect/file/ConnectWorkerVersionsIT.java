/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.connect.messages.ParcelScanned;
import dev.courier.connect.messages.ParcelScannedDeserializer;
import dev.courier.harness.ConnectorOffset;
import dev.courier.harness.ConnectorStatus;
import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.TopicReader;
import dev.courier.harness.WorkerProcess;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compatibility matrix: the plugin zip, unchanged, on a Kafka Connect worker of each supported version, each in
 * its own JVM (the harness's {@link WorkerProcess}) with that version's class path ({@code connect-workers/}, the
 * versions pinned in the parent pom), one after another, each against a fresh in-process Kafka 4.4 KRaft broker (the
 * {@code message.class} type fixes the topic).
 *
 * <p>Per version, one small scenario: a {@code message.class} JSON file tailed with exactly-once delivery and
 * connector-defined transactions (KIP-618, Kafka 3.3+), the worker restarted gracefully, lines appended; every line
 * arrives once ({@code read_committed}, as many distinct keys as lines, no more records), the connector and its task
 * are RUNNING, and the features the worker lacks degrade with their INFO line instead of failing the task: task
 * metrics through JMX directly before 4.1 (no {@code PluginMetrics}), no offsets REST API before 3.6. Where the
 * worker has that API, the connector's own {@code alterOffsets} check answers it.
 */
@Tag("scenario")
class ConnectWorkerVersionsIT {

  /** {@code <version>=<class path file>,...}, set by the pom from the parent's {@code connect-worker-*.version}. */
  static final String WORKERS_PROPERTY = "courier.connect.workers";
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final int LINES = 40;

  private static final String TOPIC = "parcel-scans";

  @TempDir static Path root;
  static Path plugins;

  @BeforeAll
  static void deploy() throws Exception {
    plugins = Files.createDirectories(root.resolve("plugins"));
    PluginIsolationIT.deployPlugin(plugins);
  }

  static Stream<Arguments> workers() {
    String workers = System.getProperty(WORKERS_PROPERTY, "");
    List<Arguments> arguments = new ArrayList<>();
    for (String entry : workers.split(",")) {
      if (!entry.isBlank()) {
        String[] versionAndFile = entry.trim().split("=", 2);
        arguments.add(Arguments.of(versionAndFile[0], Path.of(versionAndFile[1])));
      }
    }
    assertThat(arguments).as("the worker versions to test (system property %s, set by the pom)", WORKERS_PROPERTY)
        .isNotEmpty();
    return arguments.stream();
  }

  @ParameterizedTest(name = "Kafka Connect {0}")
  @MethodSource("workers")
  void streamsAMessageClassFileExactlyOnceAcrossARestart(String version, Path classPathFile) throws Exception {
    assertThat(classPathFile).as("the class path of the %s worker, written by connect-workers/ in package",
        version).exists();
    String classPath = Files.readString(classPathFile, StandardCharsets.UTF_8).trim();
    assertThat(classPath.split(File.pathSeparator))
        .as("the worker's class path is Kafka Connect %s", version)
        .anyMatch(jar -> jar.endsWith(File.separator + "connect-runtime-" + version + ".jar"))
        .anyMatch(jar -> jar.endsWith(File.separator + "kafka-clients-" + version + ".jar"))
        .noneMatch(jar -> jar.contains("courier"));
    String name = "parcels-" + version.replace('.', '-');
    Path dir = Files.createDirectories(root.resolve(name));
    Path in = Files.createDirectories(dir.resolve("in"));
    Path file = in.resolve("parcels.json");

    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      kafka.createTopic(TOPIC, 3);
      streamAcrossARestart(kafka, version, classPath, name, dir, in, file);
    }
  }

  private static void streamAcrossARestart(EmbeddedKafka kafka, String version, String classPath, String name,
      Path dir, Path in, Path file) throws Exception {
    try (WorkerProcess worker = WorkerProcess.builder(kafka)
        .classpath(classPath)
        .workerProperty("plugin.path", plugins.toString())
        // Workers before 3.6 scan the plugin path with Reflections, which warns about every optional class.
        .logLevel("org.reflections", "ERROR")
        .directory(Files.createDirectories(dir.resolve("worker")))
        .build()) {
      append(file, 0, LINES / 2);
      worker.rest().createOrUpdateConnector(name, config(in));
      worker.rest().awaitConnectorAndTasksRunning(name, 1, TIMEOUT);
      TopicReader.readExactly(kafka.bootstrapServers(), TOPIC, LINES / 2, TIMEOUT);

      worker.restart();
      append(file, LINES / 2, LINES);
      List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readExactly(kafka.bootstrapServers(), TOPIC, LINES,
          TIMEOUT);
      ConnectorStatus status = worker.rest().status(name);
      assertThat(status.state()).as(status.describe()).isEqualTo("RUNNING");
      assertThat(status.tasks()).as(status.describe()).extracting(ConnectorStatus.TaskStatus::state)
          .containsExactly("RUNNING");
      Map<String, ParcelScanned> byKey = new HashMap<>();
      try (ParcelScannedDeserializer deserializer = new ParcelScannedDeserializer()) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
          byKey.put(new String(record.key(), StandardCharsets.UTF_8), deserializer.deserialize(TOPIC,
              record.value()));
        }
      }
      assertThat(byKey).as("one record per line, each key once").hasSize(LINES);
      for (int i = 0; i < LINES; i++) {
        ParcelScanned expected = MessageClassIT.message(i);
        assertThat(byKey.get(expected.parcelId())).as("record %s", expected.parcelId()).isEqualTo(expected);
      }

      String log = Files.readString(worker.logFile(), StandardCharsets.UTF_8);
      assertThat(log).as("the worker log").doesNotContain("NoClassDefFoundError").doesNotContain("NoSuchMethodError")
          .doesNotContain("AbstractMethodError");
      String jmxLine = "its metrics are registered with JMX directly as kafka.connect:type=plugins,connector=" + name
          + ",task=0";
      String noOffsetsApiLine = "FileSourceConnector: this Connect worker has no REST API to alter or reset a"
          + " connector's offsets";
      if (atLeast(version, 4, 1)) {
        assertThat(log).as("plugin metrics are used").doesNotContain(jmxLine);
      } else {
        assertThat(log).as("metrics through JMX directly, said once per task start").contains(jmxLine);
      }
      if (atLeast(version, 3, 6)) {
        assertThat(log).doesNotContain(noOffsetsApiLine);
        alterOffsetsIsChecked(worker, name);
      } else {
        assertThat(log).as("no offsets REST API, said at connector start").contains(noOffsetsApiLine);
      }
    }
  }

  /** The worker asks the connector's {@code alterOffsets}, which rejects a negative position with its message. */
  private static void alterOffsetsIsChecked(WorkerProcess worker, String name) {
    worker.rest().stopConnector(name);
    List<ConnectorOffset> offsets = worker.rest().offsets(name);
    assertThat(offsets).as("the tailed file's offset").hasSize(1);
    Map<String, Object> negative = new LinkedHashMap<>(offsets.get(0).offset());
    negative.put(FileOffset.POSITION, -1);
    assertThatThrownBy(() -> worker.rest().alterOffsets(name,
        List.of(new ConnectorOffset(offsets.get(0).partition(), negative))))
        .hasMessageContaining("'position' = -1, but it must be 0 or more");
  }

  private static Map<String, String> config(Path in) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", FileSourceConnector.class.getName());
    config.put("tasks.max", "1");
    config.put("input.paths", in.toString());
    config.put("input.file.pattern", ".*\\.json");
    config.put("format", "json");
    config.put("mode", "tail");
    config.put("message.class", ParcelScanned.class.getName());
    config.put("scan.interval.ms", "100");
    config.put("poll.interval.ms", "50");
    config.put("exactly.once.support", "required");
    config.put("transaction.boundary", "connector");
    config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    return config;
  }

  /** Appends lines {@code from} to {@code to - 1} in one write, so the tailer never sees half of them. */
  private static void append(Path file, int from, int to) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = from; i < to; i++) {
      lines.append(MessageClassIT.jsonLine(i, MessageClassIT.message(i))).append('\n');
    }
    Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  static boolean atLeast(String version, int major, int minor) {
    String[] parts = version.split("\\.");
    int actualMajor = Integer.parseInt(parts[0]);
    int actualMinor = Integer.parseInt(parts[1]);
    return actualMajor > major || actualMajor == major && actualMinor >= minor;
  }
}

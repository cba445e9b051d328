/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.courier.connect.CourierConnectorVersion;
import dev.courier.connect.messages.ParcelScanned;
import dev.courier.connect.messages.ParcelScannedDeserializer;
import dev.courier.harness.ConnectorStatus;
import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.TopicReader;
import dev.courier.harness.WorkerMain;
import dev.courier.harness.WorkerProcess;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin zip built by {@code package}, unpacked into a temporary {@code plugin.path}, on a Connect worker that
 * finds the connector only there: a distributed worker in its own JVM (the harness's {@link WorkerProcess}) whose
 * class path is Kafka's jars (the test class path without any Courier entry and without the test libraries, like a
 * Kafka distribution's {@code libs/}; the harness adds only its own classes, for its launcher), so the connector,
 * courier-config and jackson-core come from the plugin's isolated class loader. The {@code message.class} type is
 * deployed as the docs say: its jar (the type and its generated classes) copied into the plugin's directory. The
 * broker runs in this JVM.
 */
@Tag("scenario")
class PluginIsolationIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String CONNECTOR_CLASS = FileSourceConnector.class.getName();
  private static final int COUNT = 50;
  private static final ObjectMapper JSON = new ObjectMapper();

  static EmbeddedKafka kafka;
  static WorkerProcess worker;
  @TempDir static Path root;
  static Path pluginDirectory;

  @BeforeAll
  static void start() throws Exception {
    Path plugins = Files.createDirectories(root.resolve("plugins"));
    pluginDirectory = deployPlugin(plugins);

    kafka = EmbeddedKafka.start();
    worker = WorkerProcess.builder(kafka)
        .classpath(String.join(File.pathSeparator, workerClassPath()))
        .workerProperty("plugin.path", plugins.toString())
        .directory(Files.createDirectories(root.resolve("worker")))
        .build();
  }

  @AfterAll
  static void stop() {
    if (worker != null) {
      worker.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void theZipBundlesNeitherKafkaClientsNorConnectApi() throws Exception {
    List<String> jars;
    try (Stream<Path> files = Files.list(pluginDirectory.resolve("lib"))) {
      jars = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(jars).noneMatch(j -> j.startsWith("kafka-clients-") || j.startsWith("connect-api-")
        || j.startsWith("connect-runtime-") || j.startsWith("connect-json-") || j.startsWith("slf4j-api-"));
    for (String jar : jars) {
      try (JarInputStream in = new JarInputStream(Files.newInputStream(pluginDirectory.resolve("lib").resolve(jar)))) {
        for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
          assertThat(entry.getName()).as("in %s", jar).doesNotStartWith("org/apache/kafka/")
              .doesNotStartWith("org/slf4j/");
        }
      }
    }
  }

  @Test
  void theWorkerFindsTheConnectorOnlyInThePluginPathAndItDeliversRecords() throws Exception {
    assertThatThrownBy(() -> Class.forName(CONNECTOR_CLASS, false, workerClassLoader()))
        .as("the worker's class path does not have the connector").isInstanceOf(ClassNotFoundException.class);

    HttpResponse<String> pluginList = worker.rest().rest("GET", "/connector-plugins", null);
    assertThat(pluginList.statusCode()).as(pluginList.body()).isEqualTo(200);
    JsonNode plugins = JSON.readTree(pluginList.body());
    List<String> listed = new ArrayList<>();
    plugins.forEach(p -> listed.add(p.get("class").asText() + " " + p.get("type").asText() + " "
        + p.get("version").asText()));
    assertThat(listed).contains(CONNECTOR_CLASS + " source " + CourierConnectorVersion.get());
    assertThat(Files.readString(worker.logFile(), StandardCharsets.UTF_8).lines()
        .filter(line -> line.contains("pluginLocation=")))
        .as("the worker loaded it from the plugin directory")
        .anyMatch(line -> line.contains(pluginDirectory.toString()));

    Path in = Files.createDirectories(root.resolve("in"));
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < COUNT; i++) {
      lines.append(MessageClassIT.jsonLine(i, MessageClassIT.message(i))).append('\n');
    }
    Files.move(Files.writeString(root.resolve("parcels.json"), lines, StandardCharsets.UTF_8),
        in.resolve("parcels.json"));
    kafka.createTopic("parcel-scans", 3);
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", CONNECTOR_CLASS);
    config.put("tasks.max", "1");
    config.put("input.paths", in.toString());
    config.put("input.file.pattern", ".*\\.json");
    config.put("format", "json");
    config.put("message.class", ParcelScanned.class.getName());
    config.put("spool.finished.path", root.resolve("done").toString());
    config.put("spool.min.file.age.ms", "0");
    config.put("scan.interval.ms", "100");
    config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    worker.rest().createOrUpdateConnector("isolated", config);

    List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readExactly(kafka.bootstrapServers(), "parcel-scans",
        COUNT, TIMEOUT);
    ConnectorStatus status = worker.rest().status("isolated");
    assertThat(status.state()).as(status.describe()).isEqualTo("RUNNING");
    assertThat(status.tasks()).as(status.describe()).extracting(ConnectorStatus.TaskStatus::state)
        .containsExactly("RUNNING");
    Map<String, ParcelScanned> byKey = new LinkedHashMap<>();
    try (ParcelScannedDeserializer deserializer = new ParcelScannedDeserializer()) {
      for (ConsumerRecord<byte[], byte[]> record : records) {
        byKey.put(new String(record.key(), StandardCharsets.UTF_8), deserializer.deserialize("parcel-scans",
            record.value()));
      }
    }
    for (int i = 0; i < COUNT; i++) {
      ParcelScanned expected = MessageClassIT.message(i);
      assertThat(byKey.get(expected.parcelId())).as("record %s", expected.parcelId()).isEqualTo(expected);
    }
  }

  /**
   * Deploys the plugin as an operator does: the zip built by {@code package}, unpacked into a {@code plugin.path}
   * directory, with the jar of the {@code message.class} type ({@link ParcelScanned} and its generated classes)
   * copied into the plugin's {@code lib/}, as the docs say.
   *
   * @param pluginPath the worker's {@code plugin.path}
   * @return the plugin's directory in it
   */
  static Path deployPlugin(Path pluginPath) throws Exception {
    String version = CourierConnectorVersion.get();
    Path zip = Paths.get("target", "courier-connector-" + version + ".zip").toAbsolutePath();
    assertThat(zip).as("the plugin zip, built by package before failsafe runs").exists();
    unzip(zip, pluginPath);
    Path plugin = pluginPath.resolve("courier-connector-" + version);
    jarMessageType(plugin.resolve("lib").resolve("parcel-messages.jar"));
    return plugin;
  }

  /**
   * The worker's class path: this JVM's test class path without the Courier modules (this module's classes, the
   * reactor's module outputs and any dev.courier artifact) and without the test libraries.
   */
  static List<String> workerClassPath() {
    String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path project = Paths.get("").toAbsolutePath().getParent();
    List<String> kept = new ArrayList<>();
    for (String entry : testClassPath.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = Paths.get(entry).toAbsolutePath();
      String unix = path.toString().replace('\\', '/');
      boolean courier = path.startsWith(project) || unix.contains("/dev/courier/");
      boolean testLibrary = Stream.of("/org/junit/", "/org/assertj/", "/org/opentest4j/", "/net/bytebuddy/",
          "/org/awaitility/", "/org/hamcrest/", "/org/apiguardian/", "/surefire").anyMatch(unix::contains);
      if (!courier && !testLibrary) {
        kept.add(path.toString());
      }
    }
    assertThat(kept).as("the worker class path has Kafka Connect's runtime")
        .anyMatch(e -> e.contains("connect-runtime-"));
    return kept;
  }

  /** The worker JVM's class path as {@link WorkerProcess} runs it: the harness's classes, then the given path. */
  private static ClassLoader workerClassLoader() throws Exception {
    List<URL> urls = new ArrayList<>();
    urls.add(WorkerMain.class.getProtectionDomain().getCodeSource().getLocation());
    for (String entry : workerClassPath()) {
      urls.add(Paths.get(entry).toUri().toURL());
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  private static void unzip(Path zip, Path target) throws IOException {
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = archive.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path out = target.resolve(entry.getName()).normalize();
        assertThat(out.startsWith(target)).as("zip entry %s stays inside the plugin path", entry.getName())
            .isTrue();
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          try (InputStream in = archive.getInputStream(entry)) {
            Files.copy(in, out);
          }
        }
      }
    }
  }

  /** A user's jar of the message type and the classes the processor generated for it. */
  private static void jarMessageType(Path jar) throws Exception {
    Path classes = Paths.get(ParcelScanned.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path dir = classes.resolve("dev/courier/connect/messages");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
        Stream<Path> members = Files.list(dir)) {
      for (Path member : members.filter(p -> p.getFileName().toString().startsWith("ParcelScanned")).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(member).toString().replace('\\', '/')));
        Files.copy(member, out);
        out.closeEntry();
      }
    }
  }
}

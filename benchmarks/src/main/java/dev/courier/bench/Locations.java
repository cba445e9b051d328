/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Where the harness finds what the build put into other modules' {@code target} directories: the Connect 4.3.1
 * worker's class path file and Kafka's connect-file plugin ({@code connect-workers/kafka-4.3/target}), Courier's
 * connector plugin zip ({@code connector/target}) and the jar of the benchmark's message types
 * ({@code benchmarks/target/benchmarks-messages.jar}). Each can be overridden with a system property
 * ({@code courier.bench.workerClassPath}, {@code courier.bench.connectFilePlugin}, {@code courier.bench.connectorZip},
 * {@code courier.bench.messagesJar}, {@code courier.bench.memoryConnectorJar}); the repository root is found from
 * this class's jar or from {@code courier.bench.repoRoot}.
 *
 * @param repoRoot the repository root
 */
public record Locations(Path repoRoot) {

  /**
   * What to run when a jar or directory the benchmarks need is missing. It is an instruction printed to the user, not a
   * build setting: {@code -DskipTests} only keeps this packaging step short, and no test of the project is switched
   * off by it ({@code ./mvnw -B verify} builds the same jars and runs every test).
   */
  public static final String BUILD_HINT = "build it with ./mvnw -B -q -pl benchmarks -am package -DskipTests";

  /**
   * The locations of this checkout.
   *
   * @return the locations
   */
  public static Locations detect() {
    String root = System.getProperty("courier.bench.repoRoot");
    if (root != null) {
      return new Locations(Path.of(root).toAbsolutePath().normalize());
    }
    try {
      // benchmarks/target/benchmarks.jar or benchmarks/target/classes
      Path code = Path.of(Locations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path moduleDir = code.getParent().getParent();
      return new Locations(moduleDir.getParent().toAbsolutePath().normalize());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot find the repository root; set -Dcourier.bench.repoRoot", e);
    }
  }

  /**
   * The Connect 4.3.1 worker's class path, as {@code connect-workers/kafka-4.3} wrote it in {@code package}.
   *
   * @return the class path: jars separated by the platform's path separator
   */
  public String workerClassPath() {
    Path file = path("workerClassPath", repoRoot.resolve("connect-workers/kafka-4.3/target/worker-classpath.txt"));
    try {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the worker class path in " + file, e);
    }
  }

  /**
   * The directory holding Kafka's connect-file jar.
   *
   * @return the directory
   */
  public Path connectFilePlugin() {
    return path("connectFilePlugin", repoRoot.resolve("connect-workers/kafka-4.3/target/plugins/connect-file"));
  }

  /**
   * Courier's connector plugin zip.
   *
   * @return the zip
   */
  public Path courierConnectorZip() {
    String override = System.getProperty("courier.bench.connectorZip");
    if (override != null) {
      return existing(Path.of(override), "courier.bench.connectorZip");
    }
    Path target = repoRoot.resolve("connector/target");
    try (Stream<Path> files = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
      return files.filter(p -> p.getFileName().toString().matches("courier-connector-.*\\.zip")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no courier-connector-*.zip in " + target
              + ": " + BUILD_HINT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The jar of the benchmark's message types and their generated code.
   *
   * @return the jar
   */
  public Path messagesJar() {
    return path("messagesJar", repoRoot.resolve("benchmarks/target/benchmarks-messages.jar"));
  }

  /**
   * The jar of the in-memory source connector, the Connect framework's floor.
   *
   * @return the jar
   */
  public Path memoryConnectorJar() {
    return path("memoryConnectorJar", repoRoot.resolve("benchmarks/target/benchmarks-memory-connector.jar"));
  }

  /**
   * The benchmark module's runtime class path, as {@code package} copied it.
   *
   * @return the directory {@code benchmarks/target/lib}
   */
  public Path benchmarksLib() {
    return path("lib", repoRoot.resolve("benchmarks/target/lib"));
  }

  /**
   * The jars of courier-annotation-processor and its own dependencies (without courier-config and kafka-clients,
   * which are in {@link #benchmarksLib()}).
   *
   * @return the directory {@code benchmarks/target/processor-path}
   */
  public Path processorPath() {
    return path("processorPath", repoRoot.resolve("benchmarks/target/processor-path"));
  }

  /**
   * AutoValue's processor and annotations jars, the javac benchmark's peer anchor.
   *
   * @return the directory {@code benchmarks/target/autovalue-path}
   */
  public Path autoValuePath() {
    return path("autoValuePath", repoRoot.resolve("benchmarks/target/autovalue-path"));
  }

  /**
   * The jars in a directory whose names start with one of the prefixes.
   *
   * @param dir the directory
   * @param prefixes file name prefixes, e.g. {@code kafka-clients-}; none for every jar
   * @return the jars, sorted
   */
  public static java.util.List<Path> jars(Path dir, String... prefixes) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
          .filter(p -> prefixes.length == 0 || java.util.Arrays.stream(prefixes)
              .anyMatch(prefix -> p.getFileName().toString().startsWith(prefix)))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /**
   * The version of the kafka-clients jar on this class path.
   *
   * @return e.g. {@code 4.4.0}
   */
  public static String kafkaClientsVersion() {
    try (InputStream in = KafkaProducer.class.getResourceAsStream("/kafka/kafka-version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private Path path(String property, Path fallback) {
    String override = System.getProperty("courier.bench." + property);
    return existing(override == null ? fallback : Path.of(override), "courier.bench." + property);
  }

  private static Path existing(Path path, String property) {
    if (!Files.exists(path)) {
      throw new IllegalStateException(path + " does not exist: " + BUILD_HINT + ", or point -D" + property + " at it");
    }
    return path.toAbsolutePath().normalize();
  }
}

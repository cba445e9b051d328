/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.courier.bench.Locations;
import dev.courier.harness.ConnectRestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Kafka Connect worker in distributed mode in a child JVM, started from a directory of jars (the class path of a
 * given Kafka version, here 4.3.1) against a broker of any version, and driven through its REST API.
 *
 * <p>The child JVM gets the heap and GC options of Kafka's own start scripts ({@code kafka-run-class.sh} and
 * {@code connect-distributed.sh}), logs at WARN to {@code worker.log} in its work directory, except
 * {@code AbstractConfig}, which logs each client's effective settings at INFO so {@link #producerConfig} can show
 * what a connector's producer really used.
 */
public final class ConnectWorkerProcess implements AutoCloseable {
  /** The JVM options of Kafka's {@code connect-distributed.sh} and {@code kafka-run-class.sh}. */
  public static final List<String> KAFKA_SCRIPT_JVM_OPTIONS = List.of("-Xms256M", "-Xmx2G", "-server",
      "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
      "-XX:+ExplicitGCInvokesConcurrent", "-Djava.awt.headless=true");

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path workDir;
  /** The harness's REST client, which retries while the worker rebalances (HTTP 409). */
  private final ConnectRestClient rest;

  private final Thread killOnExit;

  private ConnectWorkerProcess(Process process, Path workDir, String restUrl) {
    this.process = process;
    this.workDir = workDir;
    this.rest = new ConnectRestClient(restUrl);
    // A benchmark stopped with Ctrl-C must not leave the worker JVM behind.
    this.killOnExit = new Thread(process::destroyForcibly, "connect-worker-kill-on-exit");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Starts a worker and waits until its REST API lists both {@code requiredPlugins}.
   *
   * @param workerLib the directory holding the worker's class path (every jar in it)
   * @param pluginPath the worker's {@code plugin.path}
   * @param bootstrapServers the broker
   * @param workDir a directory for the worker's properties, logs and console output
   * @param requiredPlugins connector classes the worker must offer before it counts as started
   * @return the running worker
   * @throws IllegalStateException when it does not start within two minutes; the message holds the end of its log
   */
  public static ConnectWorkerProcess start(Path workerLib, Path pluginPath, String bootstrapServers, Path workDir,
      List<String> requiredPlugins) {
    if (!Files.isDirectory(workerLib)) {
      throw new IllegalStateException("no Connect worker class path at " + workerLib
          + ": " + Locations.BUILD_HINT);
    }
    try {
      Files.createDirectories(workDir);
      int port = freePort();
      String group = "bench-connect-" + UUID.randomUUID().toString().substring(0, 8);
      Map<String, String> props = new LinkedHashMap<>();
      props.put("bootstrap.servers", bootstrapServers);
      props.put("group.id", group);
      props.put("config.storage.topic", group + "-configs");
      props.put("offset.storage.topic", group + "-offsets");
      props.put("status.storage.topic", group + "-status");
      props.put("config.storage.replication.factor", "1");
      props.put("offset.storage.replication.factor", "1");
      props.put("status.storage.replication.factor", "1");
      props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
      props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
      props.put("listeners", "http://127.0.0.1:" + port);
      props.put("rest.advertised.host.name", "127.0.0.1");
      props.put("plugin.path", pluginPath.toString());
      props.put("plugin.discovery", "service_load");
      Path workerProperties = workDir.resolve("worker.properties");
      Files.writeString(workerProperties, props.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
      Path log4j = workDir.resolve("log4j2.properties");
      Files.writeString(log4j, String.join("\n",
          "rootLogger.level = WARN",
          "rootLogger.appenderRef.file.ref = file",
          "appender.file.type = File",
          "appender.file.name = file",
          "appender.file.fileName = " + workDir.resolve("worker.log"),
          "appender.file.layout.type = PatternLayout",
          "appender.file.layout.pattern = [%d] %p %m (%c)%n",
          "logger.config.name = org.apache.kafka.common.config.AbstractConfig",
          "logger.config.level = INFO",
          ""), StandardCharsets.UTF_8);

      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(KAFKA_SCRIPT_JVM_OPTIONS);
      // Extra options for the worker JVM, e.g. -XX:StartFlightRecording=... to profile a connector.
      String extra = System.getProperty("courier.bench.workerJvmOptions", "").trim();
      if (!extra.isEmpty()) {
        command.addAll(List.of(extra.split("\\s+")));
      }
      command.add("-Dlog4j2.configurationFile=" + log4j);
      command.add("-cp");
      command.add(workerLib.toAbsolutePath() + "/*");
      command.add("org.apache.kafka.connect.cli.ConnectDistributed");
      command.add(workerProperties.toString());
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(workDir.resolve("worker.out").toFile()).start();
      ConnectWorkerProcess worker = new ConnectWorkerProcess(process, workDir, "http://127.0.0.1:" + port);
      try {
        worker.awaitPlugins(requiredPlugins);
      } catch (RuntimeException e) {
        worker.close();
        throw e;
      }
      return worker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a Connect worker in " + workDir, e);
    }
  }

  /**
   * The worker's REST URL.
   *
   * @return e.g. {@code http://127.0.0.1:40213}
   */
  public String restUrl() {
    return rest.restUrl();
  }

  /**
   * The CPU time the worker process has used (user and system, all threads), as the OS reports it.
   *
   * @return nanoseconds, or -1 where the OS does not tell
   */
  public long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
  }

  /**
   * The worker's version, as its REST API reports it.
   *
   * @return e.g. {@code 4.3.1}
   */
  public String version() {
    return readTree(get("/").body()).path("version").asText();
  }

  /**
   * Creates a connector ({@code PUT /connectors/{name}/config}).
   *
   * @param name the connector name
   * @param config its config
   * @throws IllegalStateException with the worker's message when it refuses
   */
  public void createConnector(String name, Map<String, String> config) {
    rest.createOrUpdateConnector(name, config);
  }

  /**
   * Deletes a connector and waits until the worker no longer knows it.
   *
   * @param name the connector name
   */
  public void deleteConnector(String name) {
    HttpResponse<String> response = rest.rest("DELETE", "/connectors/" + name, null);
    if (response.statusCode() != 204 && response.statusCode() != 404) {
      throw new IllegalStateException("cannot delete connector " + name + ": HTTP " + response.statusCode() + " "
          + response.body());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (get("/connectors/" + name + "/status").statusCode() != 404) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("connector " + name + " still exists 60 s after it was deleted");
      }
      sleep(50);
    }
  }

  /**
   * A connector's status as the worker reports it, for failure messages.
   *
   * @param name the connector name
   * @return the status JSON, or the HTTP error
   */
  public String status(String name) {
    HttpResponse<String> response = get("/connectors/" + name + "/status");
    return response.statusCode() + " " + response.body();
  }

  /**
   * Whether the connector or one of its tasks has failed.
   *
   * @param name the connector name
   * @return true if the status shows FAILED
   */
  public boolean hasFailed(String name) {
    HttpResponse<String> response = get("/connectors/" + name + "/status");
    return response.statusCode() == 200 && response.body().contains("\"FAILED\"");
  }

  /**
   * The effective settings of a producer the worker created, from the {@code ProducerConfig values} block its log
   * holds for that client id.
   *
   * @param clientId e.g. {@code connector-producer-text-1-0}
   * @return key to value as logged, empty when the log has no such block (yet)
   */
  public Map<String, String> producerConfig(String clientId) {
    Map<String, String> found = Map.of();
    try {
      List<String> lines = Files.readAllLines(workDir.resolve("worker.log"), StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).contains("ProducerConfig values:")) {
          continue;
        }
        Map<String, String> block = new LinkedHashMap<>();
        for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("\t"); j++) {
          String line = lines.get(j).trim();
          int eq = line.indexOf(" = ");
          if (eq > 0) {
            block.put(line.substring(0, eq), line.substring(eq + 3));
          }
        }
        if (clientId.equals(block.get("client.id"))) {
          found = block;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the worker log in " + workDir, e);
    }
    return found;
  }

  /**
   * The end of the worker's log, for error messages.
   *
   * @return up to the last 40 lines of the log and the console output
   */
  public String logTail() {
    return tail(workDir.resolve("worker.log")) + tail(workDir.resolve("worker.out"));
  }

  /** Stops the worker process (as Ctrl-C would), or kills it after 30 s. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException e) {
      // the JVM is exiting; the hook kills the worker
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private void awaitPlugins(List<String> requiredPlugins) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the Connect worker exited with status " + process.exitValue() + ":\n"
            + logTail());
      }
      try {
        HttpResponse<String> response = rest.rest("GET", "/connector-plugins", null);
        if (response.statusCode() == 200) {
          List<String> classes = new ArrayList<>();
          readTree(response.body()).forEach(p -> classes.add(p.path("class").asText()));
          if (classes.containsAll(requiredPlugins)) {
            return;
          }
          last = "plugins " + classes;
        } else {
          last = "HTTP " + response.statusCode();
        }
      } catch (UncheckedIOException e) {
        last = e.getCause().toString();
      }
      sleep(200);
    }
    throw new IllegalStateException("the Connect worker at " + rest.restUrl() + " did not offer " + requiredPlugins
        + " within " + START_TIMEOUT.toSeconds() + " s (last: " + last + "):\n" + logTail());
  }

  private HttpResponse<String> get(String path) {
    return rest.rest("GET", path, null);
  }

  private static JsonNode readTree(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("the Connect worker answered with invalid JSON: " + body, e);
    }
  }

  private static String tail(Path file) {
    try {
      if (!Files.exists(file)) {
        return "";
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return "--- " + file + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))
          + "\n";
    } catch (IOException | UncheckedIOException e) {
      return "--- cannot read " + file + ": " + e + "\n";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}

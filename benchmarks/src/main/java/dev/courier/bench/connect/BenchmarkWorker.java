/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.connect;

import dev.courier.bench.Locations;
import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.WorkerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The connector benchmark's Kafka Connect 4.3.1 worker: the harness's {@link WorkerProcess}, configured as Kafka's
 * {@code connect-distributed.sh} starts a worker (Connect's defaults with String converters and the benchmark's plugin
 * path, the start scripts' JVM options), logging at WARN except each client's effective settings, from which
 * {@link #producerConfig} reads what a connector's producer really used.
 */
final class BenchmarkWorker {
  /** The JVM options of Kafka's {@code connect-distributed.sh} and {@code kafka-run-class.sh}. */
  static final List<String> KAFKA_SCRIPT_JVM_OPTIONS = List.of("-Xms256M", "-Xmx2G", "-server",
      "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
      "-XX:+ExplicitGCInvokesConcurrent", "-Djava.awt.headless=true");

  private BenchmarkWorker() {
  }

  /**
   * Starts the worker and checks that it offers every connector the benchmark runs.
   *
   * @param locations where the worker's class path is ({@code connect-workers/kafka-4.3})
   * @param kafka the broker
   * @param pluginPath the worker's {@code plugin.path}
   * @param dir the worker's properties, log configuration and log
   * @param requiredPlugins connector classes the worker must offer
   * @return the running worker
   */
  static WorkerProcess start(Locations locations, EmbeddedKafka kafka, Path pluginPath, Path dir,
      List<String> requiredPlugins) {
    List<String> jvmOptions = new ArrayList<>(KAFKA_SCRIPT_JVM_OPTIONS);
    // Extra options for the worker JVM, e.g. -XX:StartFlightRecording=... to profile a connector.
    String extra = System.getProperty("courier.bench.workerJvmOptions", "").trim();
    if (!extra.isEmpty()) {
      jvmOptions.addAll(List.of(extra.split("\\s+")));
    }
    WorkerProcess worker;
    try {
      worker = WorkerProcess.builder(kafka)
          .classpath(locations.workerClassPath())
          .connectDefaults()
          .workerProperty("key.converter", "org.apache.kafka.connect.storage.StringConverter")
          .workerProperty("value.converter", "org.apache.kafka.connect.storage.StringConverter")
          .workerProperty("plugin.path", pluginPath.toString())
          .jvmOptions(jvmOptions)
          .rootLogLevel("WARN")
          .logLevel("org.apache.kafka.common.config.AbstractConfig", "INFO")
          .directory(Files.createDirectories(dir))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    List<String> offered = worker.rest().connectorPlugins();
    if (!offered.containsAll(requiredPlugins)) {
      worker.close();
      throw new IllegalStateException("the Connect worker offers " + offered + ", not all of " + requiredPlugins
          + ":\n" + worker.logTail(40));
    }
    return worker;
  }

  /**
   * A connector's status, whatever the answer.
   *
   * @param worker the worker
   * @param name the connector name
   * @return the response of {@code GET /connectors/{name}/status}
   */
  static HttpResponse<String> status(WorkerProcess worker, String name) {
    return worker.rest().rest("GET", "/connectors/" + name + "/status", null);
  }

  /**
   * Deletes a connector and waits until the worker no longer knows it, so the next run starts on a quiet worker.
   *
   * @param worker the worker
   * @param name the connector name
   */
  static void deleteConnector(WorkerProcess worker, String name) {
    worker.rest().deleteConnector(name);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (status(worker, name).statusCode() != 404) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("connector " + name + " still exists 60 s after it was deleted");
      }
      TopicCounter.sleep(50);
    }
  }

  /**
   * The effective settings of a producer the worker created, from the {@code ProducerConfig values} block its log
   * holds for that client id.
   *
   * @param worker the worker
   * @param clientId e.g. {@code connector-producer-text-1-0}
   * @return key to value as logged, empty when the log has no such block (yet)
   */
  static Map<String, String> producerConfig(WorkerProcess worker, String clientId) {
    Map<String, String> found = Map.of();
    try {
      List<String> lines = Files.readAllLines(worker.logFile(), StandardCharsets.UTF_8);
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
      throw new UncheckedIOException("cannot read the worker log " + worker.logFile(), e);
    }
    return found;
  }
}

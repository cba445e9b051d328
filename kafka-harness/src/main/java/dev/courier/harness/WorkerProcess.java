/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka Connect worker in distributed mode in its own JVM, for tests that kill it: {@link #kill()} sends SIGKILL
 * (what an OOM killer or a pulled plug does: no shutdown hook, no flush, no transaction abort), {@link #restart()}
 * starts it again with the same properties and REST port, and its REST API is reached through {@link #rest()}.
 *
 * <p>The child runs {@code org.apache.kafka.connect.cli.ConnectDistributed} (through {@link WorkerMain}, which ends
 * the child when this JVM is gone) with {@code java} from {@code java.home}, this JVM's class path (or a given one:
 * any Kafka Connect version from 3.3 on, for example one of {@code connect-workers/}), a generated
 * {@code worker.properties} and a generated log configuration, for log4j2 (Kafka 4) and for log4j 1 / reload4j (what
 * Kafka 3 logs through); its standard output and error go to
 * {@link #logFile()}, appended across restarts. Worker defaults are those of {@link EmbeddedConnect} (exactly-once
 * source support, {@code plugin.discovery=service_load}, JSON converters without schemas, internal topics named after
 * the group id, no delay before lost tasks are reassigned), on a free REST port of 127.0.0.1, plus a short group
 * session (6 s), rebalance timeout (10 s) and transaction timeout of task producers (10 s), so a restarted worker
 * does not wait a minute for the one that was killed ({@link Builder#connectDefaults()} drops all of these, for a
 * worker as an operator would run it). Several instances with the same {@link Builder#groupId} form one Connect
 * cluster. {@link #cpuTime()} tells what the child has used, for measurements.
 *
 * <pre>{@code
 * try (WorkerProcess worker = WorkerProcess.builder(kafka.bootstrapServers()).build()) {
 *   worker.rest().createOrUpdateConnector("c", config);
 *   worker.kill();
 *   worker.restart();
 *   worker.rest().awaitConnectorAndTasksRunning("c", 1, Duration.ofSeconds(60));
 * }
 * }</pre>
 */
public final class WorkerProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  /** A small heap, and C1 only: a test worker starts (and restarts) faster, and leaves more CPU to the rest. */
  private static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1");
  /**
   * What makes a restart after SIGKILL slow with Connect's defaults. A killed worker stays a member of its group
   * until it misses its session, and a rebalance that a restarted worker starts waits up to the rebalance timeout for
   * it (10 s and 60 s by default). Under exactly-once source support, a killed task leaves its transaction open,
   * which holds back every {@code read_committed} reader of the offsets topic, the restarted worker's included, until
   * the transaction times out ({@code transaction.timeout.ms}, 60 s by default).
   */
  private static final Map<String, String> FAST_REJOIN = Map.of(
      "session.timeout.ms", "6000",
      "heartbeat.interval.ms", "2000",
      "rebalance.timeout.ms", "10000",
      "producer.transaction.timeout.ms", "10000");

  private final Path directory;
  private final boolean ownsDirectory;
  private final Map<String, String> workerProperties;
  private final List<String> command;
  private final Path logFile;
  private final ConnectRestClient rest;
  private final Thread shutdownHook;
  private Process process;
  private int starts;
  private int kills;
  private boolean closed;

  private WorkerProcess(Path directory, boolean ownsDirectory, Map<String, String> workerProperties,
      List<String> command, Path logFile, String restUrl) {
    this.directory = directory;
    this.ownsDirectory = ownsDirectory;
    this.workerProperties = workerProperties;
    this.command = command;
    this.logFile = logFile;
    this.rest = new ConnectRestClient(restUrl);
    this.shutdownHook = new Thread(this::killOnExit, "courier-worker-process-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * A builder for a worker against a cluster's plaintext listener.
   *
   * @param kafka a running cluster
   * @return a new builder
   */
  public static Builder builder(EmbeddedKafka kafka) {
    return new Builder(kafka.bootstrapServers());
  }

  /**
   * A builder for a worker against any cluster.
   *
   * @param bootstrapServers the cluster's bootstrap servers
   * @return a new builder
   */
  public static Builder builder(String bootstrapServers) {
    return new Builder(bootstrapServers);
  }

  /**
   * The client of this worker's REST API; it stays valid across {@link #kill()} and {@link #restart()}.
   *
   * @return the REST client
   */
  public ConnectRestClient rest() {
    return rest;
  }

  /**
   * The worker's REST URL, stable across restarts.
   *
   * @return e.g. {@code http://127.0.0.1:38211}
   */
  public String restUrl() {
    return rest.restUrl();
  }

  /**
   * The worker's effective properties (defaults plus the builder's).
   *
   * @return an unmodifiable copy
   */
  public Map<String, String> workerProperties() {
    return Map.copyOf(workerProperties);
  }

  /**
   * The worker group id; its internal topics are {@code <groupId>-configs}, {@code -offsets} and {@code -status}.
   *
   * @return the group id
   */
  public String groupId() {
    return workerProperties.get("group.id");
  }

  /**
   * The file that holds the child's standard output and error (its log), appended across restarts.
   *
   * @return the log file
   */
  public Path logFile() {
    return logFile;
  }

  /**
   * The last lines of {@link #logFile()}, for failure messages.
   *
   * @param lines how many lines
   * @return the lines, joined by newlines; empty when there is no log yet
   */
  public String logTail(int lines) {
    try {
      if (!Files.exists(logFile)) {
        return "";
      }
      List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + logFile + ": " + e + ")";
    }
  }

  /**
   * The process id of the running child.
   *
   * @return the pid
   * @throws IllegalStateException when the worker is not running
   */
  public synchronized long pid() {
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException(this + " is not running");
    }
    return process.pid();
  }

  /**
   * The CPU time the running child has used since it started (user and system, all its threads), as the OS reports
   * it.
   *
   * @return the CPU time, or empty where the OS does not tell
   * @throws IllegalStateException when the worker is not running
   */
  public synchronized Optional<Duration> cpuTime() {
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException(this + " is not running");
    }
    return process.toHandle().info().totalCpuDuration();
  }

  /**
   * Whether the child process is alive.
   *
   * @return true while running
   */
  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  /**
   * How often the worker was killed with {@link #kill()}.
   *
   * @return the number of kills
   */
  public synchronized int kills() {
    return kills;
  }

  /**
   * How often the worker was started (the first start included).
   *
   * @return the number of starts
   */
  public synchronized int starts() {
    return starts;
  }

  /**
   * Kills the child with SIGKILL ({@link Process#destroyForcibly()} on Linux) and waits until it is gone. Nothing in
   * the worker runs after this: no shutdown hook, no offset flush, no transaction abort.
   *
   * @throws IllegalStateException when the worker is not running
   */
  public synchronized void kill() {
    ensureOpen();
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException(this + " is not running; nothing to kill");
    }
    process.destroyForcibly();
    awaitExit(process, Duration.ofSeconds(30));
    kills++;
    LOG.info("Connect worker process {} at {} killed (SIGKILL), exit status {}", process.pid(), restUrl(),
        process.exitValue());
  }

  /**
   * Stops the child gracefully (SIGTERM: Connect's shutdown hook stops its connectors and leaves its group), and
   * kills it if it has not ended within 60 s. Does nothing when it is not running.
   */
  public synchronized void stop() {
    ensureOpen();
    stopProcess();
  }

  private void stopProcess() {
    if (process != null && process.isAlive()) {
      long started = System.nanoTime();
      process.destroy();
      if (!awaitExit(process, STOP_TIMEOUT)) {
        LOG.warn("Connect worker process {} did not stop within {} s; killing it", process.pid(),
            STOP_TIMEOUT.toSeconds());
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(30));
      }
      LOG.info("Connect worker process {} at {} stopped in {} ms", process.pid(), restUrl(),
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  /**
   * Starts the worker again with the same properties and REST port (after {@link #kill()} or {@link #stop()}; a
   * running worker is stopped gracefully first), and waits until its REST API answers.
   *
   * @throws IllegalStateException when it does not become ready, with the end of its log
   */
  public synchronized void restart() {
    ensureOpen();
    stopProcess();
    startProcess();
  }

  /**
   * Stops the worker gracefully (see {@link #stop()}) and deletes its directory when the harness created it. Safe to
   * call twice.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      stopProcess();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down
      }
      if (ownsDirectory) {
        KraftBroker.deleteRecursively(directory);
      }
    }
  }

  @Override
  public String toString() {
    return "WorkerProcess[" + restUrl() + ", group " + groupId() + "]";
  }

  private void killOnExit() {
    Process p = process;
    if (p != null && p.isAlive()) {
      p.destroyForcibly();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException(this + " is closed");
    }
  }

  private void startProcess() {
    long started = System.nanoTime();
    try {
      Files.writeString(logFile, "---- start " + (starts + 1) + " of " + this + "\n", StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = new ProcessBuilder(command)
          .directory(directory.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a Connect worker process: " + String.join(" ", command), e);
    }
    starts++;
    awaitReady(started);
  }

  private void awaitReady(long started) {
    long deadline = started + READY_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Connect worker process for " + restUrl() + " ended with status "
            + process.exitValue() + " before it was ready; the end of " + logFile + ":\n" + logTail(40));
      }
      try {
        rest.awaitReady(Duration.ofMillis(500));
        LOG.info("Connect worker process {} ready at {} in {} ms (start {})", process.pid(), restUrl(),
            (System.nanoTime() - started) / 1_000_000, starts);
        return;
      } catch (IllegalStateException e) {
        last = e.getMessage();
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("Connect worker process at " + restUrl() + " is not ready after "
        + READY_TIMEOUT.toSeconds() + " s (" + last + "); the end of " + logFile + ":\n" + logTail(40));
  }

  private static boolean awaitExit(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the worker process to end", e);
    }
  }

  /** Builds and starts a {@link WorkerProcess}. */
  public static final class Builder {
    private final String bootstrapServers;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private final Map<String, String> clientProperties = new LinkedHashMap<>();
    private final Map<String, String> logLevels = new LinkedHashMap<>();
    private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;
    private String rootLogLevel = "INFO";
    private boolean connectDefaults;
    private String classpath = System.getProperty("java.class.path");
    private String groupId;
    private Path directory;

    private Builder(String bootstrapServers) {
      this.bootstrapServers = bootstrapServers;
      logLevels.put("org.apache.kafka.clients", "WARN");
      logLevels.put("org.apache.kafka.common", "WARN");
      logLevels.put("org.apache.kafka.connect.runtime.rest", "WARN");
      logLevels.put("org.eclipse.jetty", "WARN");
      logLevels.put("org.glassfish", "WARN");
    }

    /**
     * Sets a worker property, overriding the harness default.
     *
     * @param key a Connect distributed worker config key
     * @param value its value
     * @return this builder
     */
    public Builder workerProperty(String key, String value) {
      overrides.put(key, value);
      return this;
    }

    /**
     * Leaves every worker setting the harness tunes for tests at Connect's own default: no exactly-once source
     * support, offsets flushed every 60 s, Connect's partition counts of the internal topics, group timeouts and
     * rebalance delay, converters' schemas enabled. What stays is what a worker on a one-broker cluster must be
     * given: the cluster, the group and its internal topics (replication factor 1), JSON converters,
     * {@code plugin.discovery=service_load} and the REST listener. For measurements of a worker as an operator runs
     * it. {@link #workerProperty} still applies on top.
     *
     * @return this builder
     */
    public Builder connectDefaults() {
      this.connectDefaults = true;
      return this;
    }

    /**
     * Connects the worker to Kafka with these client properties, as
     * {@link EmbeddedConnect.Builder#kafkaClientProperties} does.
     *
     * @param properties standard Kafka client properties
     * @return this builder
     */
    public Builder kafkaClientProperties(Map<String, ?> properties) {
      properties.forEach((key, value) -> clientProperties.put(key, String.valueOf(value)));
      return this;
    }

    /**
     * Joins this worker group (and uses its internal topics), so several workers form one cluster. Default: a group
     * of its own.
     *
     * @param groupId the group id
     * @return this builder
     */
    public Builder groupId(String groupId) {
      this.groupId = groupId;
      return this;
    }

    /**
     * The child's class path. Default: this JVM's. The harness's own classes are added in front, for
     * {@link WorkerMain}.
     *
     * @param classpath entries separated by the platform's path separator
     * @return this builder
     */
    public Builder classpath(String classpath) {
      this.classpath = classpath;
      return this;
    }

    /**
     * The child's JVM options, replacing the default {@code -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}.
     *
     * @param options e.g. {@code List.of("-Xmx512m")}
     * @return this builder
     */
    public Builder jvmOptions(List<String> options) {
      this.jvmOptions = List.copyOf(options);
      return this;
    }

    /**
     * Sets a log level in the child (log4j2, or log4j 1 on Kafka 3.x workers). Default: INFO, with Kafka's clients,
     * Connect's REST layer and Jetty at WARN.
     *
     * @param logger a logger name, e.g. {@code dev.courier}
     * @param level e.g. {@code DEBUG}
     * @return this builder
     */
    public Builder logLevel(String logger, String level) {
      logLevels.put(logger, level);
      return this;
    }

    /**
     * Sets the child's root log level (log4j2, or log4j 1 on Kafka 3.x workers). Default: INFO.
     *
     * @param level e.g. {@code WARN}
     * @return this builder
     */
    public Builder rootLogLevel(String level) {
      this.rootLogLevel = level;
      return this;
    }

    /**
     * The directory for the properties, the log configuration and the log. Default: a new temporary directory,
     * deleted by {@link WorkerProcess#close()}.
     *
     * @param directory an existing directory, kept on close
     * @return this builder
     */
    public Builder directory(Path directory) {
      this.directory = directory;
      return this;
    }

    /**
     * Writes the configuration, starts the child and waits until its REST API answers.
     *
     * @return the running worker
     * @throws IllegalStateException when it does not start, with the end of its log
     */
    public WorkerProcess build() {
      int instance = INSTANCES.incrementAndGet();
      String group = groupId != null ? groupId
          : "courier-worker-" + instance + "-" + UUID.randomUUID().toString().substring(0, 8);
      boolean owns = directory == null;
      try {
        Path dir = owns ? Files.createTempDirectory("courier-worker-") : directory;
        Map<String, String> props = connectDefaults
            ? EmbeddedConnect.requiredWorkerProperties(bootstrapServers, group)
            : EmbeddedConnect.defaultWorkerProperties(bootstrapServers, group);
        props.put("listeners", "http://" + Ports.HOST + ":" + Ports.freePort());
        if (!connectDefaults) {
          props.putAll(FAST_REJOIN);
        }
        props.putAll(EmbeddedConnect.workerClientProperties(clientProperties));
        props.putAll(overrides);
        String name = "worker-" + instance;
        Path propertiesFile = dir.resolve(name + ".properties");
        WorkerFiles.writePrivate(propertiesFile, props);
        Path logConfig = dir.resolve(name + "-log4j2.properties");
        Files.writeString(logConfig, WorkerFiles.log4j2(rootLogLevel, logLevels), StandardCharsets.UTF_8);
        Path log4j1Config = dir.resolve(name + "-log4j.properties");
        Files.writeString(log4j1Config, WorkerFiles.log4j1(rootLogLevel, logLevels), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile=" + logConfig.toUri());
        command.add("-Dlog4j.configuration=" + log4j1Config.toUri());
        command.add("-cp");
        command.add(harnessLocation() + java.io.File.pathSeparator + classpath);
        command.add(WorkerMain.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(propertiesFile.toString());
        String listeners = props.get("listeners");
        WorkerProcess worker = new WorkerProcess(dir, owns, props, List.copyOf(command), dir.resolve(name + ".log"),
            listeners.replace("0.0.0.0", Ports.HOST));
        try {
          worker.startProcess();
        } catch (RuntimeException | Error e) {
          String log = worker.logTail(60);
          worker.close();
          throw new IllegalStateException("cannot start a Connect worker process: " + e.getMessage()
              + (log.isEmpty() ? "" : "\n" + log), e);
        }
        return worker;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the configuration of a Connect worker process", e);
      }
    }

    private static String harnessLocation() {
      try {
        return Path.of(WorkerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
      } catch (URISyntaxException e) {
        throw new IllegalStateException("cannot locate the harness classes", e);
      }
    }
  }
}

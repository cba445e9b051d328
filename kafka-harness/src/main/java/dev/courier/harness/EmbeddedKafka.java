/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import com.yammer.metrics.core.MetricName;
import com.yammer.metrics.core.MetricsRegistry;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka cluster in this JVM: one KRaft server in combined mode (broker and controller), started from
 * Kafka's published jars, on free ports of 127.0.0.1, with its data in a temporary directory.
 *
 * <p>Single-node defaults: every internal topic (consumer offsets, transaction state, share state) has replication
 * factor 1 and one partition, so transactions and consumer groups work at once; the log cleaner uses a small buffer
 * so the whole broker fits in a small heap. {@link Builder#brokerProperty} overrides any of them.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *   kafka.createTopic("orders", 3);
 *   ... new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()), ...)
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final int BIND_ATTEMPTS = 5;
  private static final AtomicInteger RUNNING_SERVERS = new AtomicInteger();

  private final Path tempDir;
  private final Map<String, String> brokerProperties;
  private final int brokerPort;
  private final String clusterId;
  private final List<AutoCloseable> attached = new ArrayList<>();
  private final Thread shutdownHook;
  private KafkaRaftServer server;
  private Admin admin;
  private boolean closed;

  private EmbeddedKafka(Path tempDir, Map<String, String> brokerProperties, int brokerPort, String clusterId,
      KafkaRaftServer server) {
    this.tempDir = tempDir;
    this.brokerProperties = brokerProperties;
    this.brokerPort = brokerPort;
    this.clusterId = clusterId;
    this.server = server;
    this.shutdownHook = new Thread(this::closeOnExit, "courier-embedded-kafka-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts a single-node cluster with the default settings.
   *
   * @return the running cluster; it accepts clients when this method returns
   */
  public static EmbeddedKafka start() {
    return builder().build();
  }

  /**
   * A builder for a cluster with extra broker properties.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The bootstrap servers of this cluster's client listener.
   *
   * @return {@code 127.0.0.1:port}; the port stays the same across {@link #stopBroker()} and {@link #startBroker()}
   */
  public String bootstrapServers() {
    return Ports.HOST + ":" + brokerPort;
  }

  /**
   * The cluster id written when the storage was formatted.
   *
   * @return the cluster id
   */
  public String clusterId() {
    return clusterId;
  }

  /**
   * The directory that holds the broker's logs and metadata; deleted by {@link #close()}.
   *
   * @return the data directory
   */
  public Path dataDir() {
    return tempDir.resolve("data");
  }

  /**
   * The broker's effective properties (defaults plus the builder's), e.g. to start a separate process with the same
   * settings.
   *
   * @return an unmodifiable copy
   */
  public Map<String, String> brokerProperties() {
    return Map.copyOf(brokerProperties);
  }

  /**
   * A shared admin client for this cluster, created on first use and closed by {@link #close()}. Do not close it.
   *
   * @return the admin client
   */
  public synchronized Admin admin() {
    ensureOpen();
    if (admin == null) {
      admin = Admin.create(Map.of(
          AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
          AdminClientConfig.CLIENT_ID_CONFIG, "courier-harness-admin",
          AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
          AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
          AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
    }
    return admin;
  }

  /**
   * Creates a topic with replication factor 1 and waits until every partition has a leader, so producers and
   * consumers can use it at once.
   *
   * @param topic the topic name
   * @param partitions the number of partitions, at least 1
   * @throws IllegalStateException if the topic exists already or is not ready within 30 seconds
   */
  public void createTopic(String topic, int partitions) {
    createTopic(topic, partitions, Map.of());
  }

  /**
   * Creates a topic with replication factor 1 and the given topic configs (e.g. {@code cleanup.policy=compact}), and
   * waits until every partition has a leader.
   *
   * @param topic the topic name
   * @param partitions the number of partitions, at least 1
   * @param configs topic-level configs
   * @throws IllegalStateException if the topic exists already or is not ready within 30 seconds
   */
  public void createTopic(String topic, int partitions, Map<String, String> configs) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions of topic '" + topic + "' must be at least 1, got " + partitions);
    }
    Admin admin = admin();
    try {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs))).all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        throw new IllegalStateException("topic '" + topic + "' exists already on " + bootstrapServers(), e.getCause());
      }
      throw new IllegalStateException("cannot create topic '" + topic + "': " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("creating topic '" + topic + "' took more than 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic '" + topic + "'", e);
    }
    awaitLeaders(topic, partitions, Duration.ofSeconds(30));
  }

  private void awaitLeaders(String topic, int partitions, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        TopicDescription description = admin().describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
            .get(topic);
        long withLeader = description.partitions().stream().filter(p -> p.leader() != null && !p.leader().isEmpty())
            .count();
        if (description.partitions().size() == partitions && withLeader == partitions) {
          return;
        }
        last = withLeader + " of " + partitions + " partitions have a leader";
      } catch (ExecutionException | TimeoutException e) {
        last = String.valueOf(e.getCause() == null ? e : e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for topic '" + topic + "'", e);
      }
      sleep(50);
    }
    throw new IllegalStateException("topic '" + topic + "' is not ready after " + timeout.toSeconds() + " s: " + last);
  }

  /**
   * Stops the broker (a clean shutdown) and keeps its data directory and port, for tests of what clients do while
   * Kafka is down. {@link #startBroker()} starts it again. Does nothing if it is stopped already.
   */
  public synchronized void stopBroker() {
    ensureOpen();
    if (server != null) {
      shutdown(server);
      server = null;
    }
  }

  /**
   * Starts the broker again on the same port with the same data, and waits until it accepts clients. Does nothing if
   * it is running.
   */
  public synchronized void startBroker() {
    ensureOpen();
    if (server == null) {
      long started = System.nanoTime();
      server = startServer(brokerProperties);
      awaitBrokerReady(bootstrapServers());
      LOG.info("Kafka broker restarted on {} in {} ms", bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
    }
  }

  /**
   * Whether the broker is running (started and not stopped by {@link #stopBroker()}).
   *
   * @return true while running
   */
  public synchronized boolean isBrokerRunning() {
    return server != null;
  }

  /**
   * Closes the Connect workers of this cluster that are still open, the admin client, shuts the broker down and
   * deletes its temporary directory. Safe to call twice. A JVM shutdown hook calls this for a cluster that is still
   * open when the JVM exits (e.g. on Ctrl-C in the demo).
   */
  @Override
  public void close() {
    List<AutoCloseable> workers;
    synchronized (this) {
      if (closed) {
        return;
      }
      workers = new ArrayList<>(attached);
    }
    // Workers first, outside the lock: a closing worker detaches itself.
    for (AutoCloseable worker : workers) {
      try {
        worker.close();
      } catch (Exception e) {
        LOG.warn("cannot close {}", worker, e);
      }
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      closeBroker();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: this is the hook running
    }
  }

  private void closeOnExit() {
    LOG.info("JVM exit: closing {}", this);
    close();
  }

  synchronized void attach(AutoCloseable worker) {
    ensureOpen();
    attached.add(worker);
  }

  synchronized void detach(AutoCloseable worker) {
    attached.remove(worker);
  }

  private void closeBroker() {
    long started = System.nanoTime();
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
      admin = null;
    }
    if (server != null) {
      shutdown(server);
      server = null;
    }
    deleteRecursively(tempDir);
    LOG.info("Kafka broker on {} closed in {} ms", bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
  }

  @Override
  public String toString() {
    return "EmbeddedKafka[" + bootstrapServers() + ", cluster " + clusterId + "]";
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException(this + " is closed");
    }
  }

  private static KafkaRaftServer startServer(Map<String, String> properties) {
    Properties props = new Properties();
    props.putAll(properties);
    KafkaConfig config = KafkaConfig.fromProps(props, false);
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    RUNNING_SERVERS.incrementAndGet();
    try {
      server.startup();
    } catch (RuntimeException | Error e) {
      shutdown(server);
      throw e;
    }
    return server;
  }

  private static void shutdown(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("Kafka broker did not shut down cleanly", e);
    } finally {
      if (RUNNING_SERVERS.decrementAndGet() == 0) {
        clearYammerMetrics();
      }
    }
  }

  /**
   * The broker registers its Yammer metrics in a registry that lives as long as the JVM, and a stopped broker leaves
   * some of them there, keeping about 1 MB of it reachable. When no broker of this harness runs any more, the
   * registry is emptied (as Kafka's own test utilities do between tests).
   */
  private static void clearYammerMetrics() {
    MetricsRegistry registry = KafkaYammerMetrics.defaultRegistry();
    for (MetricName name : List.copyOf(registry.allMetrics().keySet())) {
      registry.removeMetric(name);
    }
  }

  private static void format(Path dataDir, String clusterId, Map<String, String> properties) {
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8))
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setClusterId(clusterId)
          .setNodeId(NODE_ID)
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setMetadataLogDirectory(dataDir.toString())
          .setDirectories(List.of(dataDir.toString()))
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka storage in " + dataDir + ": " + e, e);
    }
  }

  private static void awaitBrokerReady(String bootstrapServers) {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    String last = "no answer";
    try (Admin probe = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.CLIENT_ID_CONFIG, "courier-harness-probe"))) {
      while (System.nanoTime() < deadline) {
        try {
          if (!probe.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
          last = "no live broker";
        } catch (ExecutionException | TimeoutException e) {
          last = String.valueOf(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
        sleep(50);
      }
    }
    throw new IllegalStateException("Kafka broker on " + bootstrapServers + " is not ready after "
        + STARTUP_TIMEOUT.toSeconds() + " s: " + last);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          LOG.warn("cannot delete {}: {}", p, e.toString());
        }
      });
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", dir, e.toString());
    }
  }

  /** Builds and starts an {@link EmbeddedKafka}. */
  public static final class Builder {
    private final Map<String, String> overrides = new LinkedHashMap<>();

    private Builder() {
    }

    /**
     * Sets a broker property, overriding the harness default. Listener, port, node and directory properties are
     * managed by the harness and cannot be set.
     *
     * @param key a Kafka broker config key
     * @param value its value
     * @return this builder
     */
    public Builder brokerProperty(String key, String value) {
      if (MANAGED.contains(key)) {
        throw new IllegalArgumentException("broker property '" + key + "' is managed by the harness and cannot be set;"
            + " managed keys: " + MANAGED);
      }
      overrides.put(key, value);
      return this;
    }

    /**
     * Formats a fresh temporary data directory and starts the broker.
     *
     * @return the running cluster; it accepts clients when this method returns
     * @throws IllegalStateException if the broker does not start
     */
    public EmbeddedKafka build() {
      long started = System.nanoTime();
      Path tempDir;
      try {
        tempDir = Files.createTempDirectory("courier-kafka-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a temporary directory for Kafka", e);
      }
      RuntimeException failure = null;
      for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
        Path dataDir = tempDir.resolve("data");
        deleteRecursively(dataDir);
        int brokerPort = Ports.freePort();
        int controllerPort = Ports.freePort();
        Map<String, String> props = properties(dataDir, brokerPort, controllerPort);
        String clusterId = Uuid.randomUuid().toString();
        KafkaRaftServer server = null;
        try {
          Files.createDirectories(dataDir);
          format(dataDir, clusterId, props);
          server = startServer(props);
          awaitBrokerReady(Ports.HOST + ":" + brokerPort);
          LOG.info("Kafka broker started on {}:{} in {} ms", Ports.HOST, brokerPort,
              (System.nanoTime() - started) / 1_000_000);
          return new EmbeddedKafka(tempDir, props, brokerPort, clusterId, server);
        } catch (IOException e) {
          failure = new UncheckedIOException(e);
          break;
        } catch (RuntimeException e) {
          if (server != null) {
            shutdown(server);
          }
          failure = e;
          if (!Ports.isBindFailure(e)) {
            break;
          }
          LOG.warn("Kafka ports {} / {} were taken, retrying with others", brokerPort, controllerPort);
        }
      }
      deleteRecursively(tempDir);
      throw new IllegalStateException("cannot start an embedded Kafka broker: " + failure, failure);
    }

    private Map<String, String> properties(Path dataDir, int brokerPort, int controllerPort) {
      Map<String, String> props = new LinkedHashMap<>();
      props.put("process.roles", "broker,controller");
      props.put("node.id", Integer.toString(NODE_ID));
      props.put("controller.quorum.voters", NODE_ID + "@" + Ports.HOST + ":" + controllerPort);
      props.put("listeners", "PLAINTEXT://" + Ports.HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://"
          + Ports.HOST + ":" + controllerPort);
      props.put("advertised.listeners", "PLAINTEXT://" + Ports.HOST + ":" + brokerPort);
      props.put("controller.listener.names", CONTROLLER_LISTENER);
      props.put("inter.broker.listener.name", "PLAINTEXT");
      props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
      props.put("log.dirs", dataDir.toString());
      props.putAll(DEFAULTS);
      props.putAll(overrides);
      return props;
    }
  }

  private static final Set<String> MANAGED = new TreeSet<>(List.of("process.roles", "node.id", "controller.quorum.voters",
      "controller.quorum.bootstrap.servers", "listeners", "advertised.listeners", "controller.listener.names",
      "inter.broker.listener.name", "listener.security.protocol.map", "log.dirs", "log.dir", "metadata.log.dir"));

  /** Single-node defaults: internal topics that fit one broker, few threads, a small log-cleaner buffer. */
  private static final Map<String, String> DEFAULTS = Map.ofEntries(
      Map.entry("offsets.topic.replication.factor", "1"),
      Map.entry("offsets.topic.num.partitions", "1"),
      Map.entry("transaction.state.log.replication.factor", "1"),
      Map.entry("transaction.state.log.min.isr", "1"),
      Map.entry("transaction.state.log.num.partitions", "1"),
      Map.entry("share.coordinator.state.topic.replication.factor", "1"),
      Map.entry("share.coordinator.state.topic.min.isr", "1"),
      Map.entry("group.initial.rebalance.delay.ms", "0"),
      Map.entry("num.partitions", "1"),
      Map.entry("num.network.threads", "2"),
      Map.entry("num.io.threads", "2"),
      Map.entry("background.threads", "2"),
      Map.entry("log.cleaner.dedupe.buffer.size", "2097152"),
      Map.entry("log.cleaner.threads", "1"));
}

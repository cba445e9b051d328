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
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.yammer.metrics.core.MetricName;
import com.yammer.metrics.core.MetricsRegistry;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
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
 * <p>Security: the {@code PLAINTEXT} listener is always there (the harness's own admin client, {@link TopicReader} and
 * inter-broker traffic use it). {@link Builder#listener} adds an {@code SSL}, {@code SASL_PLAINTEXT} or
 * {@code SASL_SSL} listener on another free port of 127.0.0.1. TLS uses a key pair made at build time by the JDK's
 * {@code keytool} in the cluster's temporary directory (no checked-in keys); SASL listeners offer {@code PLAIN} and
 * {@code SCRAM-SHA-512} for the users given to {@link Builder#saslUser} plus a default user with a random password
 * ({@link #saslUser()}, {@link #saslPassword()}); the SCRAM credentials are written into the metadata when the storage
 * is formatted, so they exist before the broker starts. {@link #clientProperties(SecurityProtocol)} gives the
 * standard Kafka client keys for a listener:
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().listener(SecurityProtocol.SASL_SSL).build()) {
 *   Map<String, Object> props = kafka.clientProperties(SecurityProtocol.SASL_SSL); // bootstrap, TLS trust, PLAIN
 *   ... new KafkaProducer<>(props, ...)
 * }
 * }</pre>
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
  private static final String DEFAULT_SASL_USER = "courier";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");
  private static final AtomicInteger RUNNING_SERVERS = new AtomicInteger();

  private final Path tempDir;
  private final Map<String, String> brokerProperties;
  private final int brokerPort;
  private final Map<SecurityProtocol, Integer> listenerPorts;
  private final TlsMaterial tls;
  private final Map<String, String> saslUsers;
  private final String clusterId;
  private final List<AutoCloseable> attached = new ArrayList<>();
  private final Thread shutdownHook;
  private KafkaRaftServer server;
  private Admin admin;
  private boolean closed;

  private EmbeddedKafka(Path tempDir, Map<String, String> brokerProperties, Map<SecurityProtocol, Integer> listenerPorts,
      TlsMaterial tls, Map<String, String> saslUsers, String clusterId, KafkaRaftServer server) {
    this.tempDir = tempDir;
    this.brokerProperties = brokerProperties;
    this.brokerPort = listenerPorts.get(SecurityProtocol.PLAINTEXT);
    this.listenerPorts = Collections.unmodifiableMap(new EnumMap<>(listenerPorts));
    this.tls = tls;
    this.saslUsers = Collections.unmodifiableMap(new LinkedHashMap<>(saslUsers));
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
   * The bootstrap servers of one listener.
   *
   * @param protocol the listener's security protocol; {@code PLAINTEXT} or one added by {@link Builder#listener}
   * @return {@code 127.0.0.1:port}, stable across {@link #stopBroker()} and {@link #startBroker()}
   * @throws IllegalStateException when the cluster has no such listener
   */
  public String bootstrapServers(SecurityProtocol protocol) {
    return Ports.HOST + ":" + port(protocol);
  }

  /**
   * The security protocols this cluster has a listener for.
   *
   * @return {@code PLAINTEXT} and the ones added by {@link Builder#listener}, in the enum's order
   */
  public Set<SecurityProtocol> listeners() {
    return listenerPorts.keySet();
  }

  /**
   * The standard Kafka client properties to reach one listener as the default SASL user with {@code PLAIN}:
   * {@code bootstrap.servers}, {@code security.protocol}, for TLS {@code ssl.truststore.location},
   * {@code ssl.truststore.password} and {@code ssl.truststore.type}, for SASL {@code sasl.mechanism} and
   * {@code sasl.jaas.config}. Host name verification stays on (Kafka's default).
   *
   * @param protocol the listener's security protocol
   * @return a new mutable map, to which a caller may add its own keys
   * @throws IllegalStateException when the cluster has no such listener
   */
  public Map<String, Object> clientProperties(SecurityProtocol protocol) {
    return clientProperties(protocol, SaslMechanism.PLAIN, saslUser(), saslPassword());
  }

  /**
   * The standard Kafka client properties to reach one listener with a given SASL mechanism and credentials (which may
   * be wrong on purpose); for a listener without SASL, the mechanism and credentials are ignored.
   *
   * @param protocol the listener's security protocol
   * @param mechanism the SASL mechanism
   * @param user the user name
   * @param password the password
   * @return a new mutable map, to which a caller may add its own keys
   * @throws IllegalStateException when the cluster has no such listener
   */
  public Map<String, Object> clientProperties(SecurityProtocol protocol, SaslMechanism mechanism, String user,
      String password) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("bootstrap.servers", bootstrapServers(protocol));
    props.put("security.protocol", protocol.name);
    if (protocol == SecurityProtocol.SSL || protocol == SecurityProtocol.SASL_SSL) {
      props.put("ssl.truststore.location", tls.truststore().toString());
      props.put("ssl.truststore.password", tls.password());
      props.put("ssl.truststore.type", TlsMaterial.STORE_TYPE);
    }
    if (protocol == SecurityProtocol.SASL_PLAINTEXT || protocol == SecurityProtocol.SASL_SSL) {
      props.put("sasl.mechanism", mechanism.kafkaName());
      props.put("sasl.jaas.config", mechanism.clientJaasConfig(user, password));
    }
    return props;
  }

  /**
   * The default SASL user, known to {@code PLAIN} and {@code SCRAM-SHA-512} on every SASL listener.
   *
   * @return the user name
   */
  public String saslUser() {
    return DEFAULT_SASL_USER;
  }

  /**
   * The default SASL user's password, random per cluster.
   *
   * @return the password
   * @throws IllegalStateException when the cluster has no SASL listener
   */
  public String saslPassword() {
    String password = saslUsers.get(DEFAULT_SASL_USER);
    if (password == null) {
      throw new IllegalStateException(this + " has no SASL listener; add one with builder().listener(SASL_SSL)");
    }
    return password;
  }

  /**
   * The truststore that trusts this cluster's TLS certificate (PKCS12, password in
   * {@link #clientProperties(SecurityProtocol)}).
   *
   * @return the truststore file in the cluster's temporary directory
   * @throws IllegalStateException when the cluster has no TLS listener
   */
  public Path truststore() {
    if (tls == null) {
      throw new IllegalStateException(this + " has no TLS listener; add one with builder().listener(SSL)");
    }
    return tls.truststore();
  }

  private int port(SecurityProtocol protocol) {
    Integer port = listenerPorts.get(protocol);
    if (port == null) {
      throw new IllegalStateException(this + " has no " + protocol.name + " listener; add one with "
          + "EmbeddedKafka.builder().listener(SecurityProtocol." + protocol.name() + ")");
    }
    return port;
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
   * settings. With TLS or SASL listeners they hold the generated store passwords and JAAS users: do not log them.
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
          // The metadata names a leader before that broker's replica manager has taken the partition over; a produce
          // in between is refused (NOT_LEADER_OR_FOLLOWER), and an idempotent producer's retry of it has been seen to
          // end in OutOfOrderSequenceException until its delivery timeout. A list-offsets request is answered only by
          // the partition's active leader, so its success means the topic takes writes.
          Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
          for (TopicPartitionInfo partition : description.partitions()) {
            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
          }
          admin().listOffsets(latest).all().get(10, TimeUnit.SECONDS);
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

  private static void format(Path dataDir, String clusterId, List<String> scramArguments) {
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
          .setScramArguments(scramArguments)
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
    private final Set<SecurityProtocol> listeners = EnumSet.of(SecurityProtocol.PLAINTEXT);
    private final Map<String, String> saslUsers = new LinkedHashMap<>();

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
     * Adds a listener with this security protocol on a free port of 127.0.0.1, named after the protocol. The
     * {@code PLAINTEXT} listener is always there.
     *
     * <ul>
     *   <li>{@code SSL}: TLS with a certificate for {@code localhost} and {@code 127.0.0.1} made at build time;
     *       clients need no certificate of their own.</li>
     *   <li>{@code SASL_PLAINTEXT}, {@code SASL_SSL}: {@code PLAIN} and {@code SCRAM-SHA-512} for the default user
     *       and every {@link #saslUser}; {@code SASL_SSL} uses the same certificate as {@code SSL}.</li>
     * </ul>
     *
     * @param protocol {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}
     * @return this builder
     */
    public Builder listener(SecurityProtocol protocol) {
      listeners.add(protocol);
      return this;
    }

    /**
     * Adds a SASL user (for {@code PLAIN} and {@code SCRAM-SHA-512}) next to the default one.
     *
     * @param user letters, digits, {@code .}, {@code _} or {@code -}
     * @param password letters, digits, {@code .}, {@code _} or {@code -} (what the SCRAM bootstrap syntax and JAAS
     *     accept unquoted)
     * @return this builder
     */
    public Builder saslUser(String user, String password) {
      if (!SAFE.matcher(user).matches() || !SAFE.matcher(password).matches()) {
        throw new IllegalArgumentException("SASL user '" + user + "': the user name and the password must be made of"
            + " letters, digits, '.', '_' and '-'");
      }
      saslUsers.put(user, password);
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
      TlsMaterial tls = null;
      Map<String, String> users = new LinkedHashMap<>();
      try {
        if (listeners.contains(SecurityProtocol.SSL) || listeners.contains(SecurityProtocol.SASL_SSL)) {
          tls = TlsMaterial.create(Files.createDirectories(tempDir.resolve("tls")));
        }
        if (hasSasl()) {
          users.put(DEFAULT_SASL_USER, TlsMaterial.randomSecret(20));
          users.putAll(saslUsers);
        }
      } catch (IOException e) {
        failure = new UncheckedIOException(e);
      } catch (RuntimeException e) {
        failure = e;
      }
      for (int attempt = 1; failure == null && attempt <= BIND_ATTEMPTS; attempt++) {
        Path dataDir = tempDir.resolve("data");
        deleteRecursively(dataDir);
        Map<SecurityProtocol, Integer> ports = new EnumMap<>(SecurityProtocol.class);
        listeners.forEach(protocol -> ports.put(protocol, Ports.freePort()));
        int controllerPort = Ports.freePort();
        Map<String, String> props = properties(dataDir, ports, controllerPort, tls, users);
        String clusterId = Uuid.randomUuid().toString();
        KafkaRaftServer server = null;
        String plaintext = Ports.HOST + ":" + ports.get(SecurityProtocol.PLAINTEXT);
        try {
          Files.createDirectories(dataDir);
          format(dataDir, clusterId, scramArguments(users));
          server = startServer(props);
          awaitBrokerReady(plaintext);
          LOG.info("Kafka broker started on {} in {} ms", ports, (System.nanoTime() - started) / 1_000_000);
          return new EmbeddedKafka(tempDir, props, ports, tls, users, clusterId, server);
        } catch (IOException e) {
          failure = new UncheckedIOException(e);
        } catch (RuntimeException e) {
          if (server != null) {
            shutdown(server);
          }
          if (!Ports.isBindFailure(e) || attempt == BIND_ATTEMPTS) {
            failure = e;
          } else {
            LOG.warn("Kafka ports {} / {} were taken, retrying with others", ports, controllerPort);
          }
        }
      }
      deleteRecursively(tempDir);
      throw new IllegalStateException("cannot start an embedded Kafka broker: " + failure, failure);
    }

    private boolean hasSasl() {
      return listeners.contains(SecurityProtocol.SASL_PLAINTEXT) || listeners.contains(SecurityProtocol.SASL_SSL);
    }

    private static List<String> scramArguments(Map<String, String> users) {
      List<String> arguments = new ArrayList<>();
      users.forEach((user, password) -> arguments.add(SaslMechanism.SCRAM_SHA_512.kafkaName() + "=[name=" + user
          + ",password=" + password + "]"));
      return arguments;
    }

    private Map<String, String> properties(Path dataDir, Map<SecurityProtocol, Integer> ports, int controllerPort,
        TlsMaterial tls, Map<String, String> users) {
      Map<String, String> props = new LinkedHashMap<>();
      props.put("process.roles", "broker,controller");
      props.put("node.id", Integer.toString(NODE_ID));
      props.put("controller.quorum.voters", NODE_ID + "@" + Ports.HOST + ":" + controllerPort);
      StringBuilder listenerList = new StringBuilder();
      StringBuilder protocolMap = new StringBuilder();
      ports.forEach((protocol, port) -> {
        listenerList.append(protocol.name).append("://").append(Ports.HOST).append(':').append(port).append(',');
        protocolMap.append(protocol.name).append(':').append(protocol.name).append(',');
      });
      String advertised = listenerList.substring(0, listenerList.length() - 1);
      props.put("listeners", listenerList + CONTROLLER_LISTENER + "://" + Ports.HOST + ":" + controllerPort);
      props.put("advertised.listeners", advertised);
      props.put("controller.listener.names", CONTROLLER_LISTENER);
      props.put("inter.broker.listener.name", SecurityProtocol.PLAINTEXT.name);
      props.put("listener.security.protocol.map", protocolMap + CONTROLLER_LISTENER + ":PLAINTEXT");
      props.put("log.dirs", dataDir.toString());
      if (tls != null) {
        props.put("ssl.keystore.type", TlsMaterial.STORE_TYPE);
        props.put("ssl.keystore.location", tls.keystore().toString());
        props.put("ssl.keystore.password", tls.password());
        props.put("ssl.key.password", tls.password());
      }
      if (hasSasl()) {
        props.put("sasl.enabled.mechanisms", SaslMechanism.PLAIN.kafkaName() + ","
            + SaslMechanism.SCRAM_SHA_512.kafkaName());
        StringBuilder plainUsers = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        users.forEach((user, password) -> plainUsers.append(" user_").append(user).append("=\"").append(password)
            .append('"'));
        plainUsers.append(';');
        for (SecurityProtocol protocol : ports.keySet()) {
          if (protocol == SecurityProtocol.SASL_PLAINTEXT || protocol == SecurityProtocol.SASL_SSL) {
            String prefix = "listener.name." + protocol.name.toLowerCase(Locale.ROOT) + ".";
            props.put(prefix + "plain.sasl.jaas.config", plainUsers.toString());
            props.put(prefix + "scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
          }
        }
      }
      props.putAll(DEFAULTS);
      props.putAll(overrides);
      return props;
    }
  }

  private static final Set<String> MANAGED = new TreeSet<>(List.of("process.roles", "node.id", "controller.quorum.voters",
      "controller.quorum.bootstrap.servers", "listeners", "advertised.listeners", "controller.listener.names",
      "inter.broker.listener.name", "listener.security.protocol.map", "log.dirs", "log.dir", "metadata.log.dir"));

  /**
   * Single-node defaults: internal topics that fit one broker, few threads, a small log-cleaner buffer, timed-out
   * transactions aborted promptly, no time-based retention.
   */
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
      Map.entry("log.cleaner.threads", "1"),
      // A transaction left open by a killed producer is aborted within 1 s of its timeout instead of 10 s.
      Map.entry("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000"),
      // Tests and the demo write records with timestamps from the past (a message's own time), which the default
      // 7-day retention deletes at its next check: a slow run lost records that way. Nothing here is kept for long.
      Map.entry("log.retention.ms", "-1"));
}

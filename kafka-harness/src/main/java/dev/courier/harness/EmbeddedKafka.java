/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
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
  static final int NODE_ID = 1;
  static final String CONTROLLER_LISTENER = "CONTROLLER";
  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final int BIND_ATTEMPTS = 5;
  private static final String DEFAULT_SASL_USER = "courier";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

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
    KraftBroker.awaitLeaders(admin(), topic, partitions, Duration.ofSeconds(30));
  }

  /**
   * Stops the broker (a clean shutdown) and keeps its data directory and port, for tests of what clients do while
   * Kafka is down. {@link #startBroker()} starts it again. Does nothing if it is stopped already.
   */
  public synchronized void stopBroker() {
    ensureOpen();
    if (server != null) {
      KraftBroker.shutdown(server);
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
      server = KraftBroker.start(brokerProperties);
      KraftBroker.awaitReady(bootstrapServers());
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
      KraftBroker.shutdown(server);
      server = null;
    }
    KraftBroker.deleteRecursively(tempDir);
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
      if (BrokerProperties.MANAGED.contains(key)) {
        throw new IllegalArgumentException("broker property '" + key + "' is managed by the harness and cannot be set;"
            + " managed keys: " + BrokerProperties.MANAGED);
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
        KraftBroker.deleteRecursively(dataDir);
        Map<SecurityProtocol, Integer> ports = new EnumMap<>(SecurityProtocol.class);
        listeners.forEach(protocol -> ports.put(protocol, Ports.freePort()));
        int controllerPort = Ports.freePort();
        Map<String, String> props =
            BrokerProperties.properties(dataDir, ports, controllerPort, tls, hasSasl(), users, overrides);
        String clusterId = Uuid.randomUuid().toString();
        KafkaRaftServer server = null;
        String plaintext = Ports.HOST + ":" + ports.get(SecurityProtocol.PLAINTEXT);
        try {
          Files.createDirectories(dataDir);
          KraftBroker.format(dataDir, clusterId, BrokerProperties.scramArguments(users));
          server = KraftBroker.start(props);
          KraftBroker.awaitReady(plaintext);
          LOG.info("Kafka broker started on {} in {} ms", ports, (System.nanoTime() - started) / 1_000_000);
          return new EmbeddedKafka(tempDir, props, ports, tls, users, clusterId, server);
        } catch (IOException e) {
          failure = new UncheckedIOException(e);
        } catch (RuntimeException e) {
          if (server != null) {
            KraftBroker.shutdown(server);
          }
          if (!Ports.isBindFailure(e) || attempt == BIND_ATTEMPTS) {
            failure = e;
          } else {
            LOG.warn("Kafka ports {} / {} were taken, retrying with others", ports, controllerPort);
          }
        }
      }
      KraftBroker.deleteRecursively(tempDir);
      throw new IllegalStateException("cannot start an embedded Kafka broker: " + failure, failure);
    }

    private boolean hasSasl() {
      return listeners.contains(SecurityProtocol.SASL_PLAINTEXT) || listeners.contains(SecurityProtocol.SASL_SSL);
    }
  }
}

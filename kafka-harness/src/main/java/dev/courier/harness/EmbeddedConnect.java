/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka Connect worker in distributed mode in this JVM, started from Kafka's published {@code connect-runtime}
 * jar against an {@link EmbeddedKafka}. Every call goes through the worker's real REST API, as an operator's would.
 *
 * <p>Defaults: {@code exactly.once.source.support=enabled}; {@code plugin.discovery=service_load}, so a connector on
 * the classpath must be registered in {@code META-INF/services/org.apache.kafka.connect.source.SourceConnector} (or
 * {@code ...sink.SinkConnector}); internal topics with replication factor 1 and one partition, named after a group id
 * that is unique per instance; REST on a free port of 127.0.0.1; {@code JsonConverter} without schemas for keys and
 * values; offsets flushed every 500 ms; no delay before lost tasks are reassigned. {@link Builder#workerProperty}
 * overrides any of them.
 *
 * <p>While a worker is open, a call to Kafka's {@code Exit.exit} (which the herder makes on a fatal error) throws
 * instead of ending the JVM, and the error is logged.
 */
public final class EmbeddedConnect implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedConnect.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final Object EXIT_LOCK = new Object();
  private static int openWorkers;
  /** How long a connector or task must stay FAILED before {@link #awaitConnectorAndTasksRunning} gives up early. */
  public static final Duration FAILED_GRACE = ConnectRestClient.FAILED_GRACE;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final EmbeddedKafka kafka; // null for a worker against an external cluster
  private final Map<String, String> workerProperties;
  private Connect<DistributedHerder> connect;
  private URI restUrl;
  private ConnectRestClient client;
  private boolean closed;

  private EmbeddedConnect(EmbeddedKafka kafka, Map<String, String> workerProperties) {
    this.kafka = kafka;
    this.workerProperties = workerProperties;
  }

  /**
   * Starts one worker with the default settings against {@code kafka}.
   *
   * @param kafka a running cluster
   * @return the worker; its REST API answers and it has joined its group when this method returns
   */
  public static EmbeddedConnect start(EmbeddedKafka kafka) {
    return builder(kafka).build();
  }

  /**
   * A builder for a worker with extra worker properties.
   *
   * @param kafka a running cluster
   * @return a new builder
   */
  public static Builder builder(EmbeddedKafka kafka) {
    return new Builder(kafka, kafka.bootstrapServers());
  }

  /**
   * A builder for a worker against any running Kafka cluster, for example an external one (the demo's
   * {@code --bootstrap-servers}). Its internal topics are created there and stay after {@link #close()}.
   *
   * @param bootstrapServers the cluster's bootstrap servers
   * @return a new builder
   */
  public static Builder builder(String bootstrapServers) {
    return new Builder(null, bootstrapServers);
  }

  /**
   * The worker's REST URL.
   *
   * @return e.g. {@code http://127.0.0.1:38211}, without a trailing slash; stable across {@link #stopWorker()} and
   *     {@link #startWorker()}
   */
  public String restUrl() {
    String url = restUrl.toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * A client of this worker's REST API (the one this class's REST methods use).
   *
   * @return the client
   */
  public ConnectRestClient restClient() {
    return client();
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
   * The group id of this worker; its internal topics are {@code <groupId>-configs}, {@code -offsets} and
   * {@code -status}.
   *
   * @return the group id
   */
  public String groupId() {
    return workerProperties.get("group.id");
  }

  /**
   * Creates a connector or replaces its configuration ({@code PUT /connectors/{name}/config}). Retries while the
   * worker is rebalancing.
   *
   * @param name the connector name
   * @param config the connector configuration, with {@code connector.class}
   * @throws IllegalStateException with the worker's error message when it rejects the configuration
   */
  public void createOrUpdateConnector(String name, Map<String, String> config) {
    client().createOrUpdateConnector(name, config);
  }

  /**
   * Deletes a connector ({@code DELETE /connectors/{name}}).
   *
   * @param name the connector name
   * @throws IllegalStateException when the worker refuses, e.g. because there is no such connector
   */
  public void deleteConnector(String name) {
    client().deleteConnector(name);
  }

  /**
   * Pauses a connector and its tasks ({@code PUT /connectors/{name}/pause}); the state changes asynchronously, see
   * {@link #awaitStatus}.
   *
   * @param name the connector name
   */
  public void pauseConnector(String name) {
    client().pauseConnector(name);
  }

  /**
   * Resumes a paused or stopped connector ({@code PUT /connectors/{name}/resume}).
   *
   * @param name the connector name
   */
  public void resumeConnector(String name) {
    client().resumeConnector(name);
  }

  /**
   * Stops a connector and shuts its tasks down ({@code PUT /connectors/{name}/stop}, KIP-875), and waits until its
   * status is {@code STOPPED}, so its offsets can be altered or reset.
   *
   * @param name the connector name
   */
  public void stopConnector(String name) {
    client().stopConnector(name);
  }

  /**
   * A connector's committed offsets ({@code GET /connectors/{name}/offsets}, KIP-875).
   *
   * @param name the connector name
   * @return one entry per source partition
   */
  public List<ConnectorOffset> offsets(String name) {
    return client().offsets(name);
  }

  /**
   * Alters a stopped connector's offsets ({@code PATCH /connectors/{name}/offsets}, KIP-875).
   *
   * @param name the connector name; it must be {@link #stopConnector stopped}
   * @param offsets the new offsets; an entry with a null offset removes that partition's offset
   * @return the worker's message
   */
  public String alterOffsets(String name, List<ConnectorOffset> offsets) {
    return client().alterOffsets(name, offsets);
  }

  /**
   * Removes all of a stopped connector's offsets ({@code DELETE /connectors/{name}/offsets}, KIP-875).
   *
   * @param name the connector name; it must be {@link #stopConnector stopped}
   * @return the worker's message
   */
  public String resetOffsets(String name) {
    return client().resetOffsets(name);
  }

  /**
   * Any other call to the worker's REST API, for what this class has no method for. Retries while the worker is
   * rebalancing (HTTP 409).
   *
   * @param method the HTTP method
   * @param path the path, starting with {@code /}, e.g. {@code /connectors?expand=info}
   * @param jsonBody the JSON request body, or null
   * @return the response, whatever its status code
   */
  public HttpResponse<String> rest(String method, String path, String jsonBody) {
    return client().rest(method, path, jsonBody);
  }

  /**
   * Restarts a connector ({@code POST /connectors/{name}/restart}).
   *
   * @param name the connector name
   * @param includeTasks whether to restart its tasks too
   * @param onlyFailed whether to restart only the instances that failed
   */
  public void restartConnector(String name, boolean includeTasks, boolean onlyFailed) {
    client().restartConnector(name, includeTasks, onlyFailed);
  }

  /**
   * A connector's current status ({@code GET /connectors/{name}/status}).
   *
   * @param name the connector name
   * @return its status
   * @throws IllegalStateException when the worker does not know the connector
   */
  public ConnectorStatus status(String name) {
    return client().status(name);
  }

  /**
   * Waits until the connector and exactly {@code tasks} tasks are {@code RUNNING}.
   *
   * <p>A connector or task that stays {@code FAILED} for {@link #FAILED_GRACE} ends the wait early: a status read
   * right after a restart or a config update may still show the failure that the restart is about to clear.
   *
   * @param name the connector name
   * @param tasks the expected number of tasks
   * @param timeout how long to wait
   * @throws AssertionError when the connector or a task stays failed, or after the timeout; the message holds the
   *     last status with its traces
   */
  public void awaitConnectorAndTasksRunning(String name, int tasks, Duration timeout) {
    client().awaitConnectorAndTasksRunning(name, tasks, timeout);
  }

  /**
   * Waits until the connector's status satisfies {@code condition}, e.g. {@code ConnectorStatus::hasFailed}.
   *
   * @param name the connector name
   * @param what what is awaited, for the failure message (e.g. "task 0 to fail")
   * @param condition the condition; it may throw to stop waiting early
   * @param timeout how long to wait
   * @return the first status that satisfies the condition
   * @throws AssertionError after the timeout, with the last status and its traces
   */
  public ConnectorStatus awaitStatus(String name, String what, Predicate<ConnectorStatus> condition,
      Duration timeout) {
    return client().awaitStatus(name, what, condition, timeout);
  }

  /**
   * Validates a connector configuration with the worker
   * ({@code PUT /connector-plugins/{connectorClass}/config/validate}).
   *
   * @param connectorClass the connector class name (fully qualified or as the worker lists it)
   * @param config the configuration; {@code connector.class} is added when missing
   * @return the errors by config key
   * @throws IllegalStateException when the worker cannot validate, e.g. for an unknown connector class
   */
  public ValidationResult validate(String connectorClass, Map<String, String> config) {
    return client().validate(connectorClass, config);
  }

  /**
   * Stops the worker (it leaves its group; connectors stay configured in the config topic). {@link #startWorker()}
   * starts it again. Does nothing if it is stopped already.
   */
  public synchronized void stopWorker() {
    ensureOpen();
    if (connect != null) {
      long started = System.nanoTime();
      stop(connect);
      connect = null;
      LOG.info("Connect worker at {} stopped in {} ms", restUrl(), (System.nanoTime() - started) / 1_000_000);
    }
  }

  /**
   * Starts the worker again with the same group, internal topics and REST port, and waits until it is ready. Its
   * connectors resume from the config topic. Does nothing if it is running.
   */
  public synchronized void startWorker() {
    ensureOpen();
    if (connect == null) {
      long started = System.nanoTime();
      Map<String, String> props = new LinkedHashMap<>(workerProperties);
      props.put("listeners", "http://" + Ports.HOST + ":" + restUrl.getPort());
      connect = startConnect(props);
      awaitReady();
      LOG.info("Connect worker restarted at {} in {} ms", restUrl(), (System.nanoTime() - started) / 1_000_000);
    }
  }

  /**
   * Stops the worker. Safe to call twice. The broker and the worker's internal topics stay. {@link EmbeddedKafka#close()}
   * calls this for every worker of its cluster that is still open.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (connect != null) {
        long started = System.nanoTime();
        stop(connect);
        connect = null;
        LOG.info("Connect worker at {} closed in {} ms", restUrl(), (System.nanoTime() - started) / 1_000_000);
      }
    } finally {
      releaseExit();
      if (kafka != null) {
        kafka.detach(this);
      }
    }
  }

  @Override
  public String toString() {
    return "EmbeddedConnect[" + restUrl + ", group " + groupId() + "]";
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException(this + " is closed");
    }
  }

  private static Connect<DistributedHerder> startConnect(Map<String, String> props) {
    // Connect.start() registers a JVM shutdown hook that it never removes, which would keep every stopped worker
    // (and all it references) reachable until the JVM exits. The harness drops it: EmbeddedKafka's own hook closes
    // the workers attached to it, then the broker.
    synchronized (EXIT_LOCK) {
      Exit.setShutdownHookAdder((name, hook) -> { });
      try {
        return new ConnectDistributed().startConnect(props);
      } finally {
        Exit.resetShutdownHookAdder();
      }
    }
  }

  private static void stop(Connect<DistributedHerder> connect) {
    try {
      connect.stop();
      connect.awaitStop();
    } catch (RuntimeException e) {
      LOG.warn("Connect worker did not stop cleanly", e);
    }
  }

  private void awaitReady() {
    client().awaitReady(READY_TIMEOUT);
  }

  private ConnectRestClient client() {
    ensureOpen();
    return client;
  }

  /** While a worker is open, Kafka's Exit.exit throws instead of ending the JVM (as Kafka's own test harness does). */
  private static void guardExit() {
    synchronized (EXIT_LOCK) {
      if (openWorkers++ == 0) {
        Exit.setExitProcedure((status, message) -> {
          LOG.error("Kafka Connect asked to exit the JVM with status {} ({}); the embedded worker throws instead",
              status, message);
          throw new IllegalStateException("Kafka Connect asked to exit with status " + status + ": " + message);
        });
      }
    }
  }

  private static void releaseExit() {
    synchronized (EXIT_LOCK) {
      if (--openWorkers == 0) {
        Exit.resetExitProcedure();
      }
    }
  }

  /**
   * The harness's default worker properties (see the class comment), without {@code listeners}.
   *
   * @param bootstrapServers the cluster
   * @param groupId the worker group; it names the internal topics too
   * @return a new mutable map
   */
  static Map<String, String> defaultWorkerProperties(String bootstrapServers, String groupId) {
    Map<String, String> props = requiredWorkerProperties(bootstrapServers, groupId);
    props.put("offset.storage.partitions", "1");
    props.put("status.storage.partitions", "1");
    props.put("key.converter.schemas.enable", "false");
    props.put("value.converter.schemas.enable", "false");
    props.put("exactly.once.source.support", "enabled");
    props.put("offset.flush.interval.ms", "500");
    props.put("scheduled.rebalance.max.delay.ms", "0");
    return props;
  }

  /**
   * What a distributed worker on a one-broker cluster must be given, everything else at Connect's defaults: the
   * cluster, the group and its internal topics (replication factor 1), JSON converters (Connect has no default
   * converter), {@code plugin.discovery=service_load} and the advertised REST host; no {@code listeners}.
   *
   * @param bootstrapServers the cluster
   * @param groupId the worker group; it names the internal topics too
   * @return a new mutable map
   */
  static Map<String, String> requiredWorkerProperties(String bootstrapServers, String groupId) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("group.id", groupId);
    props.put("config.storage.topic", groupId + "-configs");
    props.put("offset.storage.topic", groupId + "-offsets");
    props.put("status.storage.topic", groupId + "-status");
    props.put("config.storage.replication.factor", "1");
    props.put("offset.storage.replication.factor", "1");
    props.put("status.storage.replication.factor", "1");
    props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    props.put("plugin.discovery", "service_load");
    props.put("rest.advertised.host.name", Ports.HOST);
    return props;
  }

  /**
   * Worker properties that make a worker and its tasks' clients use the given client properties: as they are for the
   * worker's own clients, and under the {@code producer.}, {@code consumer.} and {@code admin.} prefixes for the
   * clients of its tasks ({@code bootstrap.servers} is inherited and not prefixed).
   */
  static Map<String, String> workerClientProperties(Map<String, String> clientProperties) {
    Map<String, String> props = new LinkedHashMap<>();
    clientProperties.forEach((key, value) -> {
      props.put(key, value);
      if (!key.equals("bootstrap.servers")) {
        for (String prefix : List.of("producer.", "consumer.", "admin.")) {
          props.put(prefix + key, value);
        }
      }
    });
    return props;
  }

  /** Builds and starts an {@link EmbeddedConnect}. */
  public static final class Builder {
    private final EmbeddedKafka kafka;
    private final String bootstrapServers;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private final Map<String, String> clientProperties = new LinkedHashMap<>();

    private Builder(EmbeddedKafka kafka, String bootstrapServers) {
      this.kafka = kafka;
      this.bootstrapServers = bootstrapServers;
    }

    /**
     * Connects the worker to Kafka with these client properties, e.g. {@code kafka.clientProperties(SASL_SSL)}: its
     * own clients get them as they are, and every task's producer, consumer and admin client gets them under the
     * worker's {@code producer.}, {@code consumer.} and {@code admin.} prefixes. {@code bootstrap.servers}, when
     * given, replaces the cluster's plaintext listener.
     *
     * @param properties standard Kafka client properties (security.protocol, ssl.*, sasl.*, ...)
     * @return this builder
     */
    public Builder kafkaClientProperties(Map<String, ?> properties) {
      properties.forEach((key, value) -> clientProperties.put(key, String.valueOf(value)));
      return this;
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
     * Starts the worker and waits until it is ready.
     *
     * @return the running worker
     * @throws IllegalStateException if it does not start
     */
    public EmbeddedConnect build() {
      long started = System.nanoTime();
      String groupId = "courier-connect-" + INSTANCES.incrementAndGet() + "-"
          + UUID.randomUUID().toString().substring(0, 8);
      Map<String, String> props = defaultWorkerProperties(bootstrapServers, groupId);
      props.put("listeners", "http://" + Ports.HOST + ":0");
      props.putAll(workerClientProperties(clientProperties));
      props.putAll(overrides);

      EmbeddedConnect worker = new EmbeddedConnect(kafka, props);
      if (kafka != null) {
        kafka.attach(worker);
      }
      guardExit();
      try {
        worker.connect = startConnect(props);
        worker.restUrl = worker.connect.rest().advertisedUrl();
        worker.client = new ConnectRestClient(worker.restUrl.toString());
        worker.awaitReady();
      } catch (RuntimeException | Error e) {
        worker.close();
        throw new IllegalStateException("cannot start an embedded Connect worker on " + bootstrapServers
            + ": " + e, e);
      }
      LOG.info("Connect worker started at {} in {} ms", worker.restUrl(), (System.nanoTime() - started) / 1_000_000);
      return worker;
    }
  }
}

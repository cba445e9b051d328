/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.demo;

import static dev.courier.examples.demo.DemoReport.seconds;

import dev.courier.examples.orders.OrderPlacedProducer;
import dev.courier.harness.EmbeddedConnect;
import dev.courier.harness.EmbeddedKafka;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * What the demo runs on, from start to shutdown: a working directory for the connector's files, the Kafka cluster
 * (an in-process KRaft broker, or with {@code --bootstrap-servers} an external cluster it checks is reachable), an
 * admin client, the in-process Connect worker with exactly-once source support, and topic {@code orders} with a
 * leader on every partition. {@link #shutdown()} (step 4) takes down whatever of that was started, in reverse, also
 * after a failed start, and on an external cluster removes the worker's internal topics; {@link #lingeringThreads}
 * then checks that nothing the demo started is still running. It prints one line per part it starts and one for the
 * shutdown.
 */
final class DemoCluster {
  private final DemoOptions options;
  private final PrintStream out;
  private final Path work;
  private EmbeddedKafka kafka;
  private EmbeddedConnect connect;
  private Admin admin;
  private String bootstrap;
  private int partitions;

  /**
   * Creates the working directory; {@link #start()} starts the rest.
   *
   * @param options where Kafka is and how many partitions topic {@code orders} gets
   * @param out where it prints
   * @throws DemoException when the working directory cannot be created
   */
  DemoCluster(DemoOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
    this.work = createWorkDir();
  }

  /**
   * Starts (or connects to) Kafka, then the worker, then makes sure topic {@code orders} is there. Call
   * {@link #shutdown()} afterwards also when this throws.
   *
   * @throws DemoException when a part cannot start; the message says which
   */
  void start() {
    long t = System.nanoTime();
    if (options.bootstrapServers() == null) {
      kafka = EmbeddedKafka.start();
      bootstrap = kafka.bootstrapServers();
      out.printf("  Kafka     in-process KRaft broker at %s (started in %s)%n", bootstrap,
          seconds(System.nanoTime() - t));
    } else {
      bootstrap = options.bootstrapServers();
      out.printf("  Kafka     external cluster at %s%n", bootstrap);
    }
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.CLIENT_ID_CONFIG, "courier-demo-admin"));
    if (kafka == null) {
      checkReachable(admin, bootstrap);
    }
    t = System.nanoTime();
    if (kafka != null) {
      connect = EmbeddedConnect.start(kafka);
    } else {
      // The cluster's default replication factor for the worker's internal topics (replication factor 1 fails
      // on a cluster whose min.insync.replicas is larger).
      connect = EmbeddedConnect.builder(bootstrap)
          .workerProperty("config.storage.replication.factor", "-1")
          .workerProperty("offset.storage.replication.factor", "-1")
          .workerProperty("status.storage.replication.factor", "-1")
          .build();
    }
    out.printf("  Connect   in-process worker at %s, exactly.once.source.support=enabled (started in %s)%n",
        connect.restUrl(), seconds(System.nanoTime() - t));
    partitions = ensureTopic(OrderPlacedProducer.TOPIC, options.partitions());
  }

  /** The cluster's bootstrap servers, once started. */
  String bootstrapServers() {
    return bootstrap;
  }

  /** The worker, once started. */
  EmbeddedConnect connect() {
    return connect;
  }

  /** Topic {@code orders}' partition count, once started. */
  int partitions() {
    return partitions;
  }

  /** The working directory, with {@code in}, {@code done} and {@code staging} in it; deleted by the shutdown. */
  Path workDir() {
    return work;
  }

  private static Path createWorkDir() {
    try {
      Path work = Files.createTempDirectory("courier-demo-").toRealPath();
      Files.createDirectories(work.resolve("in"));
      Files.createDirectories(work.resolve("done"));
      Files.createDirectories(work.resolve("staging"));
      return work;
    } catch (IOException e) {
      throw new DemoException("cannot create a working directory under " + System.getProperty("java.io.tmpdir")
          + ": " + e, e);
    }
  }

  private void checkReachable(Admin admin, String bootstrap) {
    try {
      admin.describeCluster().clusterId().get(15, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new DemoException("cannot reach Kafka at " + bootstrap + " within 15 s: "
          + (e.getCause() != null ? e.getCause() : e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoException("interrupted", e);
    }
  }

  /**
   * Creates a topic unless it exists, and waits until each of its partitions has a leader.
   *
   * @param topic the topic
   * @param wanted its partitions when the demo creates it
   * @return its partition count
   */
  int ensureTopic(String topic, int wanted) {
    try {
      try {
        admin.createTopics(List.of(new NewTopic(topic, java.util.Optional.of(wanted),
            java.util.Optional.empty()))).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (true) {
        var description = describe(admin, topic);
        int partitions = description == null ? 0 : description.partitions().size();
        boolean leaders = description != null
            && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        if (leaders) {
          out.printf("  Topic     %s with %d partitions%s%n", topic, partitions,
              partitions == wanted ? "" : " (it existed already)");
          return partitions;
        }
        if (System.nanoTime() > deadline) {
          throw new DemoException("topic " + topic + (description == null ? " is not known to the broker"
              : " has partitions without a leader") + " 30 s after it was created");
        }
        Thread.sleep(50);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new DemoException("cannot create or describe topic " + topic + ": "
          + (e.getCause() != null ? e.getCause() : e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoException("interrupted", e);
    }
  }

  /**
   * The topic's description, or {@code null} while the broker that answers does not know it yet: a topic just created
   * reaches each broker's metadata a moment later, more so on a busy machine.
   */
  private static TopicDescription describe(Admin admin, String topic)
      throws ExecutionException, TimeoutException, InterruptedException {
    try {
      return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return null;
      }
      throw e;
    }
  }

  /**
   * Step 4: deletes the connector, stops the worker and the broker (whichever were started), deletes the working
   * directory, and prints what it did.
   */
  void shutdown() {
    long started = System.nanoTime();
    List<String> steps = new ArrayList<>();
    if (connect != null) {
      try {
        connect.deleteConnector(Demo.CONNECTOR);
        steps.add("connector deleted");
      } catch (RuntimeException e) {
        steps.add("connector not deleted (" + e.getMessage() + ")");
      }
      connect.close();
      steps.add("worker stopped");
      if (kafka == null && admin != null) {
        String group = connect.groupId();
        try {
          admin.deleteTopics(List.of(group + "-configs", group + "-offsets", group + "-status")).all()
              .get(30, TimeUnit.SECONDS);
          steps.add("worker's internal topics deleted");
        } catch (ExecutionException | TimeoutException e) {
          steps.add("worker's internal topics " + group + "-* not deleted (" + e + ")");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    if (admin != null) {
      admin.close(Duration.ofSeconds(10));
    }
    if (kafka != null) {
      kafka.close();
      steps.add("broker stopped");
    }
    deleteRecursively(work);
    out.println();
    out.printf("%d. Shutdown: %s in %s%n", options.schemaRegistry() == null ? 5 : 6, String.join(", ", steps),
        seconds(System.nanoTime() - started));
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      System.err.println("demo: could not delete " + dir + ": " + e);
    }
  }

  /** Threads started since {@code before} that are still alive, after giving them a few seconds to end. */
  static List<String> lingeringThreads(Set<Thread> before) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    // The JDK's HttpClient (the harness talks to the worker's REST API with one) has no close() before Java 21: its
    // threads end once the client is garbage: collect it.
    System.gc();
    while (true) {
      Set<Thread> now = new HashSet<>(Thread.getAllStackTraces().keySet());
      now.removeAll(before);
      now.removeIf(t -> !t.isAlive() || isJvmShared(t));
      if (now.isEmpty() || System.nanoTime() > deadline) {
        return now.stream().map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "")).sorted().toList();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of("interrupted while waiting for threads to end");
      }
    }
  }

  /** JVM-wide daemon threads that outlive whoever used them first, by design of the JDK. */
  private static boolean isJvmShared(Thread thread) {
    String name = thread.getName();
    return thread.isDaemon() && (name.startsWith("ForkJoinPool.commonPool-") || name.equals("Common-Cleaner")
        || name.equals("process reaper") || name.equals("Attach Listener")
        // The broker's Yammer metrics live in a registry global to the JVM, with its own meter thread pool, which
        // stays for the next broker in the JVM (kafka-harness empties the registry when the last broker stops).
        || name.startsWith("metrics-meter-tick-thread-"));
  }
}

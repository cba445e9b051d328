/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import com.yammer.metrics.core.MetricName;
import com.yammer.metrics.core.MetricsRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of {@link EmbeddedKafka}'s KRaft server: formatting its storage, starting it, waiting until it answers,
 * shutting it down (and emptying the JVM-wide metrics registry when the last one stops), and deleting its files.
 */
final class KraftBroker {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final AtomicInteger RUNNING_SERVERS = new AtomicInteger();

  private KraftBroker() {}

  static KafkaRaftServer start(Map<String, String> properties) {
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

  static void shutdown(KafkaRaftServer server) {
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

  static void format(Path dataDir, String clusterId, List<String> scramArguments) {
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8))
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setClusterId(clusterId)
          .setNodeId(EmbeddedKafka.NODE_ID)
          .setControllerListenerName(EmbeddedKafka.CONTROLLER_LISTENER)
          .setMetadataLogDirectory(dataDir.toString())
          .setDirectories(List.of(dataDir.toString()))
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setScramArguments(scramArguments)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka storage in " + dataDir + ": " + e, e);
    }
  }

  static void awaitReady(String bootstrapServers) {
    long deadline = System.nanoTime() + EmbeddedKafka.STARTUP_TIMEOUT.toNanos();
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
        + EmbeddedKafka.STARTUP_TIMEOUT.toSeconds() + " s: " + last);
  }

  static void sleep(long millis) {
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

  /**
   * Waits until every partition of a new topic has a leader that answers a list-offsets request, so the topic takes
   * writes.
   */
  static void awaitLeaders(Admin admin, String topic, int partitions, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
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
          admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
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
}

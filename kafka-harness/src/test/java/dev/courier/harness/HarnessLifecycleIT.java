/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Start and close of the whole stack: nothing is left behind. */
class HarnessLifecycleIT {
  /** Thread names of Kafka's broker, controller, clients, Connect and its REST server (Jetty). */
  private static final Pattern KAFKA_THREAD = Pattern.compile(
      "(?i).*(kafka|connect|raft|quorum|controller|broker|producer|consumer|admin|herder|coordinator|scheduler"
          + "|jetty|qtp|task-thread|log-cleaner|ExpirationReaper|data-plane|RequestSendThread).*");

  @Test
  void closeStopsEveryThreadItStartedDeletesItsDataAndRefusesReuse() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    Path dataDir;
    EmbeddedKafka kafka = EmbeddedKafka.builder().brokerProperty("auto.create.topics.enable", "false").build();
    EmbeddedConnect connect;
    try {
      dataDir = kafka.dataDir();
      connect = EmbeddedConnect.builder(kafka).workerProperty("offset.flush.interval.ms", "2000").build();
      assertThat(kafka.brokerProperties()).containsEntry("auto.create.topics.enable", "false");
      assertThat(connect.workerProperties()).containsEntry("offset.flush.interval.ms", "2000")
          .containsEntry("exactly.once.source.support", "enabled");
      assertThat(kafka.admin().listTopics().names()).succeedsWithin(Duration.ofSeconds(10))
          .satisfies(names -> assertThat(names).contains(connect.groupId() + "-configs",
              connect.groupId() + "-offsets", connect.groupId() + "-status"));

      kafka.createTopic("lifecycle", 2);
      connect.createOrUpdateConnector("lifecycle", Map.of("connector.class", CountingSourceConnector.class.getName(),
          "topic", "lifecycle", "count", "5"));
      connect.awaitConnectorAndTasksRunning("lifecycle", 1, Duration.ofSeconds(30));
      TopicReader.readExactly(kafka.bootstrapServers(), "lifecycle", 5, Duration.ofSeconds(30));
      assertThat(Files.isDirectory(dataDir)).isTrue();
      assertThat(leftovers(before, true)).as("the check below sees running threads").isNotEmpty();
      // The worker is left open on purpose: closing the cluster closes its workers first.
    } finally {
      kafka.close();
    }

    List<String> left = List.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      left = leftovers(before, true);
      if (left.isEmpty()) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(left).as("Kafka and Connect threads started by the harness and still alive after close()").isEmpty();
    assertThat(leftovers(before, false)).as("non-daemon threads started by the harness").isEmpty();
    assertThat(dataDir).doesNotExist();
    assertThat(dataDir.getParent()).doesNotExist();

    kafka.close();
    assertThatThrownBy(kafka::admin).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    assertThatThrownBy(kafka::startBroker).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> EmbeddedConnect.start(kafka)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
    assertThatThrownBy(() -> connect.status("lifecycle")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }

  @Test
  void brokerPropertiesThatTheHarnessManagesAreRejected() {
    assertThatThrownBy(() -> EmbeddedKafka.builder().brokerProperty("listeners", "PLAINTEXT://:9092"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'listeners'");
  }

  private static List<String> leftovers(Set<Thread> before, boolean includeDaemons) {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> !before.contains(e.getKey()) && e.getKey().isAlive())
        .filter(e -> includeDaemons ? KAFKA_THREAD.matcher(e.getKey().getName()).matches() : !e.getKey().isDaemon())
        .map(e -> e.getKey().getName() + (e.getKey().isDaemon() ? " (daemon)" : "") + " at "
            + Arrays.stream(e.getValue()).limit(4).map(String::valueOf).collect(Collectors.joining(" < ")))
        .sorted().toList();
  }
}

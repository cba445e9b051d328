/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.connect.file.FileSourceConnector;
import dev.courier.harness.ConnectorStatus;
import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.WorkerProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed mode: three Connect workers in their own JVMs form one cluster with exactly-once source
 * support; the file source runs three tasks; the worker running the most of them is stopped mid-run; its tasks move to
 * the other two and the stream completes with nothing lost and nothing duplicated.
 */
@Tag("scenario")
class DistributedWorkersIT {
  private static final int WORKERS = 3;
  private static final int TASKS = 3;
  private static final int FILES = 9;
  private static final long LINES = 150_000;
  private static final Duration RUNNING = Duration.ofSeconds(120);

  private static EmbeddedKafka kafka;

  @TempDir
  Path root;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static long written(String topic) throws Exception {
    return StreamVerifier.written(kafka.admin(), topic, TASKS);
  }

  @Test
  void aStoppedWorkersTasksMoveAndTheStreamCompletesExactlyOnce() throws Exception {
    String topic = "distributed";
    Path in = Files.createDirectories(root.resolve("in"));
    Path done = Files.createDirectories(root.resolve("done"));
    LineCorpus.write(Files.createDirectories(root.resolve("staging")), in, FILES, LINES);
    kafka.createTopic(topic, TASKS);
    String group = "courier-cluster-" + UUID.randomUUID().toString().substring(0, 8);

    List<CompletableFuture<WorkerProcess>> starting = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      starting.add(CompletableFuture.supplyAsync(() -> WorkerProcess.builder(kafka).groupId(group).build()));
    }
    List<WorkerProcess> workers = new ArrayList<>();
    try {
      for (CompletableFuture<WorkerProcess> future : starting) {
        workers.add(future.get(180, TimeUnit.SECONDS));
      }
      Map<Integer, WorkerProcess> byPort = workers.stream()
          .collect(Collectors.toMap(w -> URI.create(w.restUrl()).getPort(), Function.identity()));

      Map<String, String> config = new HashMap<>();
      config.put("connector.class", FileSourceConnector.class.getName());
      config.put("tasks.max", Integer.toString(TASKS));
      config.put("input.paths", in.toString());
      config.put("input.file.pattern", "lines-.*\\.txt");
      config.put("format", "text");
      config.put("topic", topic);
      config.put("spool.finished.path", done.toString());
      config.put("spool.min.file.age.ms", "0");
      config.put("scan.interval.ms", "200");
      config.put("poll.interval.ms", "50");
      config.put("exactly.once.support", "required");
      config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
      config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
      WorkerProcess any = workers.get(0);
      any.rest().createOrUpdateConnector(topic, config);
      ConnectorStatus before = any.rest().awaitStatus(topic, "its tasks to run on the cluster",
          s -> s.isRunning(TASKS), RUNNING);

      // Stop the worker that runs the most tasks, once the stream is under way.
      Map<String, Long> tasksByWorker = before.tasks().stream()
          .collect(Collectors.groupingBy(ConnectorStatus.TaskStatus::workerId, Collectors.counting()));
      String busiest = tasksByWorker.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      WorkerProcess victim = byPort.get(Integer.parseInt(busiest.substring(busiest.lastIndexOf(':') + 1)));
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (written(topic) < LINES / 10) {
        assertThat(System.nanoTime()).as("the stream starts").isLessThan(deadline);
        Thread.sleep(10);
      }
      long writtenAtStop = written(topic);
      victim.stop();
      System.out.printf("DistributedWorkersIT: stopped worker %s (it ran %d of %d tasks) after %d of %d lines%n",
          busiest, tasksByWorker.get(busiest), TASKS, writtenAtStop, LINES);

      WorkerProcess survivor = workers.stream().filter(w -> w != victim).findFirst().orElseThrow();
      ConnectorStatus after = survivor.rest().awaitStatus(topic, "its tasks to move off the stopped worker",
          s -> s.isRunning(TASKS) && s.tasks().stream().noneMatch(t -> busiest.equals(t.workerId())), RUNNING);
      StreamVerifier.Result result = StreamVerifier.read(kafka.bootstrapServers(), topic, LINES,
          LineCorpus.checksum(LINES), Duration.ofSeconds(180), Duration.ofSeconds(2));
      System.out.printf("DistributedWorkersIT: tasks now on %s; %s%n", after.tasks().stream()
          .map(ConnectorStatus.TaskStatus::workerId).sorted(Comparator.naturalOrder()).toList(), result);

      assertThat(written(topic)).as("the stream went on after the stop").isGreaterThan(writtenAtStop);
      assertThat(result.missing()).as("%s", result).isZero();
      assertThat(result.duplicates()).as("%s", result).isZero();
      assertThat(result.contentMatches()).as("%s", result).isTrue();
      assertThat(result.records()).isEqualTo(LINES);
      survivor.rest().deleteConnector(topic);
    } finally {
      for (CompletableFuture<WorkerProcess> future : starting) {
        future.thenAccept(WorkerProcess::close);
      }
    }
  }
}

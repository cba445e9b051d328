/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.connect.file.FileSourceConnector;
import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.WorkerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The worker crash: the real {@link FileSourceConnector} in a Connect worker of its own JVM spools numbered
 * lines from several files into a topic while the worker is killed with SIGKILL at random points (at least five
 * times) and restarted each time. With exactly-once source support nothing is lost and nothing is duplicated; without
 * it nothing is lost and the duplicates are counted and reported. A read_committed consumer checks the count, the
 * line numbers and a checksum of the contents. A broker quota paces the producers (about 4300 lines a second per
 * task), so the stream outlasts the kills on any machine. The two variants run side by side, each with its own
 * worker, topic and files.
 *
 * <p>The number of lines is {@code -Dscenario.crash.lines} (300000 in {@code verify}; the figure is 1000000).
 */
@Tag("scenario")
@Execution(ExecutionMode.CONCURRENT)
class WorkerCrashIT {
  private static final int KILLS = 5;
  private static final int FILES = 12;
  private static final int TASKS = 2;
  private static final long LINES = Long.getLong("scenario.crash.lines", 300_000);
  private static final Duration RUNNING = Duration.ofSeconds(120);
  /**
   * About 4300 lines a second per task producer: the 300000 lines then take over half a minute, about three times the
   * streaming the five kill cycles need (at 13000 a second a quiet machine finished every file before the fifth kill).
   */
  private static final long PRODUCER_BYTES_PER_SECOND = 500_000;

  private static EmbeddedKafka kafka;
  private static long expectedChecksum;

  @TempDir
  Path root;

  @BeforeAll
  static void start() throws Exception {
    kafka = EmbeddedKafka.start();
    expectedChecksum = LineCorpus.checksum(LINES);
    // A broker-side quota paces every producer, so the stream lasts long enough for the kills to land in it
    // whatever the machine's speed (unthrottled, a task can finish the corpus between two progress checks).
    ClientQuotaEntity everyClient = new ClientQuotaEntity(Collections.singletonMap(ClientQuotaEntity.CLIENT_ID, null));
    kafka.admin().alterClientQuotas(List.of(new ClientQuotaAlteration(everyClient,
        List.of(new ClientQuotaAlteration.Op("producer_byte_rate", (double) PRODUCER_BYTES_PER_SECOND)))))
        .all().get(30, TimeUnit.SECONDS);
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

  private static long filesIn(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }

  @ParameterizedTest(name = "exactly-once {0}")
  @ValueSource(booleans = {true, false})
  void aWorkerKilledWhileStreamingLosesNothing(boolean exactlyOnce) throws Exception {
    String topic = exactlyOnce ? "crash-exactly-once" : "crash-at-least-once";
    Path in = Files.createDirectories(root.resolve(topic + "-in"));
    Path done = Files.createDirectories(root.resolve(topic + "-done"));
    LineCorpus.write(Files.createDirectories(root.resolve(topic + "-staging")), in, FILES, LINES);
    kafka.createTopic(topic, TASKS);
    long seed = new Random().nextLong();
    Random random = new Random(seed);

    Map<String, String> config = new HashMap<>();
    config.put("connector.class", FileSourceConnector.class.getName());
    config.put("tasks.max", Integer.toString(TASKS));
    config.put("input.paths", in.toString());
    config.put("input.file.pattern", "lines-.*\\.txt");
    config.put("format", "text");
    config.put("mode", "spool");
    config.put("topic", topic);
    config.put("spool.finished.path", done.toString());
    config.put("spool.min.file.age.ms", "0");
    config.put("scan.interval.ms", "200");
    config.put("poll.interval.ms", "50");
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("producer.override.linger.ms", "20");
    config.put("producer.override.batch.size", "262144");
    if (exactlyOnce) {
      config.put("exactly.once.support", "required");
    }

    long started = System.nanoTime();
    try (WorkerProcess worker = WorkerProcess.builder(kafka)
        .workerProperty("exactly.once.source.support", exactlyOnce ? "enabled" : "disabled")
        .jvmOptions(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
        .build()) {
      worker.rest().createOrUpdateConnector(topic, config);
      worker.rest().awaitConnectorAndTasksRunning(topic, TASKS, RUNNING);

      long writtenAtLastKill = 0;
      for (int kill = 1; kill <= KILLS; kill++) {
        // A random amount of progress since the worker (re)started, then a random moment: the kill lands anywhere
        // in reading, sending, committing or moving a file.
        long since = written(topic);
        long progress = LINES / 200 + random.nextInt((int) Math.max(1, LINES / 60));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (written(topic) < since + progress) {
          assertThat(System.nanoTime()).as("the stream progresses before kill %d; worker log:%n%s", kill,
              worker.logTail(40)).isLessThan(deadline);
          Thread.sleep(10);
        }
        Thread.sleep(random.nextInt(200));
        assertThat(filesIn(done)).as("files finished before kill %d (more lines would make the kills land"
            + " mid-stream)", kill).isLessThan(FILES);
        worker.kill();
        writtenAtLastKill = written(topic);
        worker.restart();
        worker.rest().awaitConnectorAndTasksRunning(topic, TASKS, RUNNING);
      }

      StreamVerifier.Result result = StreamVerifier.read(kafka.bootstrapServers(), topic, LINES, expectedChecksum,
          Duration.ofSeconds(240), Duration.ofSeconds(2));
      long seconds = (System.nanoTime() - started) / 1_000_000_000;
      System.out.printf("WorkerCrashIT exactly-once %s: %d SIGKILLs survived, %s; %d s in all (seed %d)%n",
          exactlyOnce, worker.kills(), result, seconds, seed);

      assertThat(worker.kills()).isEqualTo(KILLS);
      assertThat(written(topic)).as("records were written after the last kill").isGreaterThan(writtenAtLastKill);
      assertThat(result.missing()).as("%s", result).isZero();
      assertThat(result.foreign()).as("%s", result).isZero();
      assertThat(result.checksum()).as("%s", result).isEqualTo(expectedChecksum);
      if (exactlyOnce) {
        assertThat(result.duplicates()).as("%s", result).isZero();
        assertThat(result.records()).isEqualTo(LINES);
      }
      // Spool mode moves every file once all of its records are committed; none is left behind.
      long doneDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (filesIn(done) < FILES && System.nanoTime() < doneDeadline) {
        Thread.sleep(100);
      }
      assertThat(filesIn(done)).isEqualTo(FILES);
      assertThat(filesIn(in)).isZero();
      worker.rest().deleteConnector(topic);
    }
  }
}

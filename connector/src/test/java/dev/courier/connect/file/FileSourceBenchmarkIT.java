/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import static org.awaitility.Awaitility.await;

import dev.courier.harness.EmbeddedConnect;
import dev.courier.harness.EmbeddedKafka;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures records/s of the file source for 1M JSON lines of about 100 bytes, spooled by one task under exactly-once
 * support (transaction.boundary=poll), from connector creation until the file is moved, which happens only after
 * every record is committed. Runs with Connect's producer defaults and with linger.ms=20 + batch.size=262144,
 * interleaved. Not part of verify; run it with:
 *
 * <pre>./mvnw -B -pl connector -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 *     -Dit.test=FileSourceBenchmarkIT -Dbenchmark.excludedGroups=none</pre>
 */
@Tag("benchmark")
class FileSourceBenchmarkIT {

  private static final int LINES = 1_000_000;

  @TempDir Path root;

  @Test
  void recordsPerSecond() throws Exception {
    Path source = root.resolve("source.json");
    try (BufferedWriter out = Files.newBufferedWriter(source, StandardCharsets.UTF_8)) {
      for (int i = 0; i < LINES; i++) {
        // About 100 bytes per line.
        out.write(String.format("{\"id\":%9d,\"customer\":\"customer-%06d\",\"amount\":%8d,\"note\":\"benchmark line\"}%n",
            i, i % 1_000_000, i * 7));
      }
    }
    System.out.printf("Benchmark input: %d lines, %d bytes%n", LINES, Files.size(source));
    try (EmbeddedKafka kafka = EmbeddedKafka.start(); EmbeddedConnect connect = EmbeddedConnect.start(kafka)) {
      String[][] variants = {
        {"connect-defaults"},
        {"linger20-batch256k", "producer.override.linger.ms", "20", "producer.override.batch.size", "262144"},
      };
      for (int round = 1; round <= 2; round++) {
        for (String[] variant : variants) {
          run(kafka, connect, source, variant, round);
        }
      }
    }
  }

  private void run(EmbeddedKafka kafka, EmbeddedConnect connect, Path source, String[] variant, int round)
      throws Exception {
    String name = variant[0] + "-" + round;
    Path in = Files.createDirectories(root.resolve(name + "-in"));
    Path done = root.resolve(name + "-done");
    kafka.createTopic(name, 1);
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", FileSourceConnector.class.getName());
    config.put("tasks.max", "1");
    config.put("input.paths", in.toString());
    config.put("input.file.pattern", ".*\\.json");
    config.put("format", "json");
    config.put("topic", name);
    config.put("spool.finished.path", done.toString());
    config.put("spool.min.file.age.ms", "0");
    config.put("scan.interval.ms", "100");
    config.put("exactly.once.support", "required");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    for (int i = 1; i < variant.length; i += 2) {
      config.put(variant[i], variant[i + 1]);
    }
    Files.copy(source, in.resolve("data.json"));
    long start = System.nanoTime();
    connect.createOrUpdateConnector(name, config);
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
        .until(() -> Files.exists(done.resolve("data.json")));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("Benchmark %s round %d: %d records committed in %.2f s = %.0f records/s%n", variant[0], round,
        LINES, seconds, LINES / seconds);
    connect.deleteConnector(name);
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.bench.connect.ConnectorBenchmark;
import dev.courier.bench.producer.ProducerBenchmark;
import dev.courier.bench.report.Report;
import dev.courier.harness.EmbeddedKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end harness on tiny inputs, after {@code package} built what it deploys: the producer comparison on the
 * in-process broker, and every connector case on a Connect 4.3.1 worker in a child JVM (FileStreamSource, Courier's
 * file source with text, JSON through {@code message.class} and many files, the plain-producer ceiling). Each run
 * checks that exactly the expected number of records arrives; no timing is checked.
 */
@Tag("scenario")
class HarnessIT {
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startKafka() {
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopKafka() {
    kafka.close();
  }

  @Test
  void producerComparisonRuns() {
    Report report = new Report();

    new ProducerBenchmark(new ProducerBenchmark.Options(2_000, 1, 0, 1), quiet()).run(report, kafka);

    assertThat(print(report)).contains("| generated / plain KafkaProducer |");
  }

  @Test
  void connectorComparisonRunsEveryCaseOnAConnect431Worker(@TempDir Path workDir) {
    Report report = new Report();
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    new ConnectorBenchmark(new ConnectorBenchmark.Options(20_000, 10, 100, 1, 0,
        List.of(ConnectorBenchmark.Setting.DEFAULTS), EnumSet.allOf(ConnectorBenchmark.Case.class), workDir, 0),
        Locations.detect(), new PrintStream(log, true, StandardCharsets.UTF_8)).run(report, kafka);

    assertThat(log.toString(StandardCharsets.UTF_8)).contains("Connect worker 4.3.1");
    assertThat(print(report))
        .contains("| Courier text / FileStreamSource, defaults |")
        .contains("| Courier JSON via message.class / Courier text, defaults |")
        .contains("| Courier 10 files, 2 tasks / Courier 1 file, defaults |")
        .contains("| Courier text / in-memory source task (share of what Connect lets a connector reach), defaults |")
        .contains("acks=-1");
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  private static String print(Report report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }
}

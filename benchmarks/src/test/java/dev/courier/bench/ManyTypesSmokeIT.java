/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.bench.many.ManyTypesBenchmark;
import dev.courier.bench.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The many-types benchmark writes and compiles its types and driver with the processor, and sends through each way
 * on the in-process broker (ten types, one round); it fails on any failed send.
 */
class ManyTypesSmokeIT {

  @Test
  void sendsTheMixedStreamEachWay(@TempDir Path workDir) {
    // The test class path holds courier-config, kafka-clients, jackson-core and the processor (provided scope).
    List<Path> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of).toList();
    Report report = new Report();
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    new ManyTypesBenchmark(new ManyTypesBenchmark.Options(10, 2_000, 1, 0, classPath, classPath, workDir),
        new PrintStream(log, true, StandardCharsets.UTF_8)).run(report);

    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("PER_TYPE").contains("10 I/O threads")
        .contains("SHARED_SPLIT").contains("2 I/O threads");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("| throughput: shared / hand-written |")
        .contains("| I/O threads: shared, two setting groups / 2 | 1.00 |");
  }
}

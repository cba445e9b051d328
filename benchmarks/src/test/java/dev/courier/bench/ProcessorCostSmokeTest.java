/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.bench.javac.ProcessorCostBenchmark;
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
 * The javac benchmark compiles its template classes with and without the processor (three classes, one round), and
 * the processor generates code for them; the benchmark itself fails on any compiler diagnostic.
 */
class ProcessorCostSmokeTest {

  @Test
  void compilesTheTemplateWithAndWithoutTheProcessor(@TempDir Path workDir) {
    // The test class path holds courier-config, kafka-clients, jackson-core and the processor (provided scope).
    List<Path> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of).toList();
    Report report = new Report();
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    List<Path> autoValue = classPath.stream()
        .filter(p -> p.getFileName().toString().startsWith("auto-value-")).toList();
    assertThat(autoValue).as("AutoValue's processor and annotations on the test class path").hasSize(2);

    new ProcessorCostBenchmark(new ProcessorCostBenchmark.Options(3, 1, 0, classPath, classPath, false, autoValue,
        workDir), new PrintStream(log, true, StandardCharsets.UTF_8)).run(report);

    assertThat(log.toString(StandardCharsets.UTF_8)).contains("12 generated sources")
        .contains("AutoValue anchor");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("| CPU: with the warmed processor / without |")
        .contains("| CPU: with AutoValue / without |");
  }
}

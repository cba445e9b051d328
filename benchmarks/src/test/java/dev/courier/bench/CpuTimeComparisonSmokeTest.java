/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.bench.jmh.CpuTimeComparison;
import dev.courier.bench.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The interleaved CPU-time comparison runs every operation (one short round, nothing timed is checked); its setup
 * checks that the compared serializers write the same JSON (the DSL-JSON codec the very same bytes) and the readers
 * return the original messages.
 */
class CpuTimeComparisonSmokeTest {

  @Test
  void everyComparisonRunsAndIsReported() {
    Report report = new Report();

    new CpuTimeComparison(new CpuTimeComparison.Options(1, 0, 2),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run(report);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("| serialize large: generated vs databind (speed) |")
        .contains("| deserialize medium: generated / databind (B/op) |")
        .contains("| serialize medium: DSL-JSON hand-written codec vs databind (speed) |")
        .contains("| deserialize large: generated vs DSL-JSON hand-written codec (speed) |")
        .contains("| skipping 5 members vs reading them (speed) |")
        .contains("| sync: generated vs hand-written, serializing (speed) |")
        .contains("| async generated vs bare send(record), not serializing (speed) |");
  }
}

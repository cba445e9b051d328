/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.bench.jmh.JmhSuite;
import dev.courier.bench.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;

/**
 * Every JMH benchmark runs (in this JVM, one short iteration, no timing checked): their setups check that the
 * compared serializers write the same JSON and that the readers return the original messages, and the report has a
 * row for each.
 */
class JmhSmokeTest {

  @Test
  void everyBenchmarkRunsAndIsReported() {
    Report report = new Report();

    Collection<RunResult> results = JmhSuite.run(new JmhSuite.Options(null, 0, 0, 1, 20, false), report);

    List<String> names = results.stream().map(JmhSmokeTest::name).toList();
    assertThat(names).contains("SerializationBenchmark.generated,size=large",
        "DeserializationBenchmark.databind,size=medium", "DeserializationBenchmark.tokensOnly,size=small",
        "SendPathBenchmark.syncGenerated,serialize=true", "UnknownMembersBenchmark.skipFive");
    // 3 serializers x 3 sizes, 2 readers and the token-walk floor x 3 sizes, 3 unknown-member readings, 8 send
    // variants (one framed for the Schema Registry) x 2.
    assertThat(results).hasSize(9 + 9 + 3 + 16)
        .allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("| serialize large: generated / databind (ops/s) |")
        .contains("| deserialize small: generated / databind (B/op) |")
        .contains("| deserialize medium: jackson-core tokens only / databind (the most a jackson-core reader can gain)"
            + " (ops/s) |")
        .contains("| skipping 5 members / reading them (ops/s) |")
        .contains("| fireAndForget: generated / hand-written, serializing (ops/s) |")
        .contains("| async: framed for the Schema Registry / plain JSON, serializing (ops/s) |");
  }

  /** E.g. {@code SerializationBenchmark.generated,size=large}. */
  private static String name(RunResult result) {
    String[] parts = result.getParams().getBenchmark().split("\\.");
    StringBuilder name = new StringBuilder(parts[parts.length - 2]).append('.').append(parts[parts.length - 1]);
    for (String key : result.getParams().getParamsKeys()) {
      name.append(',').append(key).append('=').append(result.getParams().getParam(key));
    }
    return name.toString();
  }
}

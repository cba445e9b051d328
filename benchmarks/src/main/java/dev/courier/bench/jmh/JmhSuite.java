/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.jmh;

import dev.courier.bench.report.Report;
import dev.courier.bench.report.Samples;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks of this package with JMH's GC profiler and turns the scores into the report's tables and
 * ratios: throughput (ops/s) and bytes allocated per operation ({@code gc.alloc.rate.norm}).
 */
public final class JmhSuite {

  /**
   * How to run JMH; a null value keeps the annotation's setting.
   *
   * @param include a regular expression of the benchmarks to run
   * @param forks forked JVMs per benchmark (0 runs in this JVM: only for smoke tests)
   * @param warmupIterations warm-up iterations
   * @param iterations measured iterations
   * @param iterationMillis time per iteration
   * @param verbose whether JMH prints its progress
   */
  public record Options(String include, Integer forks, Integer warmupIterations, Integer iterations,
      Integer iterationMillis, boolean verbose) {
  }

  private JmhSuite() {
  }

  /**
   * Runs the benchmarks and adds their results to {@code report}.
   *
   * @param options how to run
   * @param report the report
   * @return JMH's results
   */
  public static Collection<RunResult> run(Options options, Report report) {
    ChainedOptionsBuilder builder = new OptionsBuilder()
        .include(options.include() == null ? JmhSuite.class.getPackageName() + "\\..*Benchmark" : options.include())
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true)
        .verbosity(options.verbose() ? VerboseMode.NORMAL : VerboseMode.SILENT);
    if (options.forks() != null) {
      builder.forks(options.forks());
    }
    if (options.warmupIterations() != null) {
      builder.warmupIterations(options.warmupIterations());
    }
    if (options.iterations() != null) {
      builder.measurementIterations(options.iterations());
    }
    if (options.iterationMillis() != null) {
      builder.warmupTime(TimeValue.milliseconds(options.iterationMillis()))
          .measurementTime(TimeValue.milliseconds(options.iterationMillis()));
    }
    Collection<RunResult> results;
    try {
      results = new Runner(builder.build()).run();
    } catch (RunnerException e) {
      throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
    }
    addTo(results, report);
    return results;
  }

  static void addTo(Collection<RunResult> results, Report report) {
    Map<String, Score> scores = new LinkedHashMap<>();
    String settings = null;
    for (RunResult result : results) {
      BenchmarkParams params = result.getParams();
      String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
      String clazz = params.getBenchmark().substring(0, params.getBenchmark().lastIndexOf('.'));
      clazz = clazz.substring(clazz.lastIndexOf('.') + 1);
      List<String> keys = new ArrayList<>();
      for (String key : params.getParamsKeys()) {
        keys.add(key + "=" + params.getParam(key));
      }
      Result<?> primary = result.getPrimaryResult();
      double alloc = Double.NaN;
      for (String label : result.getSecondaryResults().keySet()) {
        if (label.endsWith("gc.alloc.rate.norm")) {
          Result<?> secondary = result.getSecondaryResults().get(label);
          alloc = secondary.getScore();
        }
      }
      scores.put(clazz + "." + method + keys, new Score(primary.getScore(), primary.getScoreError(), alloc));
      settings = String.format(Locale.ROOT, "JMH %s, %d fork(s), %d warm-up x %s, %d measured x %s, JVM options %s",
          params.getJmhVersion(), params.getForks(), params.getWarmup().getCount(), params.getWarmup().getTime(),
          params.getMeasurement().getCount(), params.getMeasurement().getTime(), params.getJvmArgs());
    }

    Report.Section serialization = report.section("Serialization (JMH)", "ops/s");
    Report.Section deserialization = report.section("Deserialization (JMH)", "ops/s");
    Report.Section unknown = report.section("Unknown members (JMH)", "ops/s");
    Report.Section send = report.section("Send path on a no-op Producer (JMH)", "ops/s");
    for (Report.Section section : List.of(serialization, deserialization, unknown, send)) {
      section.note(settings == null ? "not run" : settings + ". Score ± 99.9% error; B/op is gc.alloc.rate.norm.");
    }
    for (String size : List.of("small", "medium", "large")) {
      for (String method : List.of("generated", "databind", "handWritten")) {
        row(serialization, scores, "SerializationBenchmark." + method + "[size=" + size + "]",
            "serialize " + size + ", " + method);
      }
    }
    for (String size : List.of("small", "medium", "large")) {
      ratio(serialization, scores, "SerializationBenchmark.generated[size=" + size + "]",
          "SerializationBenchmark.databind[size=" + size + "]", "serialize " + size + ": generated / databind", 2.0);
      allocRatio(serialization, scores, "SerializationBenchmark.generated[size=" + size + "]",
          "SerializationBenchmark.databind[size=" + size + "]", "serialize " + size + ": generated / databind");
      ratio(serialization, scores, "SerializationBenchmark.generated[size=" + size + "]",
          "SerializationBenchmark.handWritten[size=" + size + "]",
          "serialize " + size + ": generated / hand-written jackson-core", null);
    }
    for (String size : List.of("small", "medium", "large")) {
      for (String method : List.of("generated", "databind", "tokensOnly")) {
        row(deserialization, scores, "DeserializationBenchmark." + method + "[size=" + size + "]",
            "deserialize " + size + ", " + method);
      }
    }
    for (String size : List.of("small", "medium", "large")) {
      ratio(deserialization, scores, "DeserializationBenchmark.generated[size=" + size + "]",
          "DeserializationBenchmark.databind[size=" + size + "]", "deserialize " + size + ": generated / databind",
          1.5);
      allocRatio(deserialization, scores, "DeserializationBenchmark.generated[size=" + size + "]",
          "DeserializationBenchmark.databind[size=" + size + "]", "deserialize " + size + ": generated / databind");
      ratio(deserialization, scores, "DeserializationBenchmark.tokensOnly[size=" + size + "]",
          "DeserializationBenchmark.databind[size=" + size + "]",
          "deserialize " + size + ": jackson-core tokens only / databind (the most a jackson-core reader can gain)",
          null);
    }
    for (String method : List.of("skipFive", "readFive", "none")) {
      row(unknown, scores, "UnknownMembersBenchmark." + method + "[]", switch (method) {
        case "skipFive" -> "5 unknown members, skipped (SmallMessage reading a WideMessage record)";
        case "readFive" -> "the same bytes, the 5 members known (WideMessage)";
        default -> "no unknown members (SmallMessage reading a SmallMessage record)";
      });
    }
    ratio(unknown, scores, "UnknownMembersBenchmark.skipFive[]", "UnknownMembersBenchmark.readFive[]",
        "skipping 5 members / reading them", 1.0);
    allocRatio(unknown, scores, "UnknownMembersBenchmark.skipFive[]", "UnknownMembersBenchmark.readFive[]",
        "skipping 5 members / reading them");
    ratio(unknown, scores, "UnknownMembersBenchmark.skipFive[]", "UnknownMembersBenchmark.none[]",
        "5 unknown members skipped / none", null);
    for (String serialize : List.of("false", "true")) {
      for (String method : List.of("asyncGenerated", "asyncGeneratedFramed", "asyncHandWritten", "syncGenerated",
          "syncHandWritten", "fireAndForgetGenerated", "fireAndForgetHandWritten", "rawSend")) {
        row(send, scores, "SendPathBenchmark." + method + "[serialize=" + serialize + "]",
            method + (serialize.equals("true") ? ", serializing" : ", not serializing"));
      }
    }
    for (String serialize : List.of("false", "true")) {
      String suffix = serialize.equals("true") ? ", serializing" : ", not serializing";
      for (String mode : List.of("async", "sync", "fireAndForget")) {
        ratio(send, scores, "SendPathBenchmark." + mode + "Generated[serialize=" + serialize + "]",
            "SendPathBenchmark." + mode + "HandWritten[serialize=" + serialize + "]",
            mode + ": generated / hand-written" + suffix, 0.95);
      }
      ratio(send, scores, "SendPathBenchmark.asyncGenerated[serialize=" + serialize + "]",
          "SendPathBenchmark.rawSend[serialize=" + serialize + "]", "async generated / bare send(record)" + suffix,
          null);
    }
    ratio(send, scores, "SendPathBenchmark.asyncGeneratedFramed[serialize=true]",
        "SendPathBenchmark.asyncGenerated[serialize=true]",
        "async: framed for the Schema Registry / plain JSON, serializing", 0.95);
  }

  private static void row(Report.Section section, Map<String, Score> scores, String key, String label) {
    Score score = scores.get(key);
    if (score != null) {
      section.row(label + String.format(Locale.ROOT, " (± %s ops/s; %.0f B/op)", Samples.compact(score.error),
          score.alloc), new Samples(List.of(score.score)));
    }
  }

  private static void ratio(Report.Section section, Map<String, Score> scores, String top, String bottom,
      String label, Double target) {
    Score a = scores.get(top);
    Score b = scores.get(bottom);
    if (a != null && b != null) {
      section.ratio(label + " (ops/s)", new Samples(List.of(a.score / b.score)), target, false);
    }
  }

  private static void allocRatio(Report.Section section, Map<String, Score> scores, String top, String bottom,
      String label) {
    Score a = scores.get(top);
    Score b = scores.get(bottom);
    if (a != null && b != null && b.alloc > 0) {
      section.ratio(label + " (B/op)", new Samples(List.of(a.alloc / b.alloc)), 1.0, true);
    }
  }

  private record Score(double score, double error, double alloc) {
  }
}

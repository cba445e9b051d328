/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench;

import dev.courier.bench.connect.ConnectorBenchmark;
import dev.courier.bench.javac.ProcessorCostBenchmark;
import dev.courier.bench.many.ManyTypesBenchmark;
import dev.courier.bench.jmh.CpuTimeComparison;
import dev.courier.bench.jmh.JmhSuite;
import dev.courier.bench.producer.ProducerBenchmark;
import dev.courier.bench.report.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark suite's command line: runs some or all parts and prints one Markdown report of medians and ratios.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [quick|full] [part,...] [--key=value ...]
 * </pre>
 *
 * <p>Parts: {@code connector} (file source vs FileStreamSource vs plain producer on a Connect 4.3.1 worker),
 * {@code micro} (the codec and send-path comparisons, interleaved and timed in thread CPU time, for a loaded
 * machine), {@code jmh} (the same as JMH benchmarks with the GC profiler), {@code producer} (generated producer
 * vs KafkaProducer through the in-process broker), {@code many} (50 message types: a producer per type, shared
 * producers, one hand-written producer), {@code javac} (annotation processor cost). Without parts, all
 * of them. {@code quick} runs small sizes and one measured round for a check that everything works; its numbers are
 * not meaningful.
 */
public final class Suite {
  private Suite() {
  }

  /**
   * Runs the suite.
   *
   * @param args see the class description; {@code --help} lists the options
   */
  public static void main(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    Set<String> parts = new java.util.LinkedHashSet<>();
    boolean quick = false;
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.println(usage());
        return;
      } else if (arg.equals("quick")) {
        quick = true;
      } else if (arg.equals("full")) {
        quick = false;
      } else if (arg.startsWith("--") && arg.contains("=")) {
        options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      } else if (!arg.startsWith("-")) {
        for (String part : arg.split(",")) {
          if (!List.of("connector", "micro", "jmh", "producer", "many", "javac").contains(part)) {
            fail("unknown part '" + part + "'; parts: connector, micro, jmh, producer, many, javac");
          }
          parts.add(part);
        }
      } else {
        fail("unknown argument '" + arg + "'");
      }
    }
    if (parts.isEmpty()) {
      parts.addAll(List.of("connector", "micro", "producer", "many", "javac", "jmh"));
    }
    Locations locations = Locations.detect();
    Report report = new Report();
    long started = System.nanoTime();
    for (String part : parts) {
      switch (part) {
        case "connector" -> connector(quick, options, locations).run(report);
        case "micro" -> new CpuTimeComparison(new CpuTimeComparison.Options(
            intOption(options, "micro-rounds", quick ? 3 : 15), intOption(options, "micro-warmup", quick ? 1 : 3),
            intOption(options, "micro-slice-ms", quick ? 20 : 100)), System.err).run(report);
        case "jmh" -> JmhSuite.run(new JmhSuite.Options(options.get("jmh-include"),
            intOption(options, "jmh-forks", quick ? 1 : null), intOption(options, "jmh-warmup", quick ? 1 : null),
            intOption(options, "jmh-iterations", quick ? 2 : null),
            intOption(options, "jmh-iteration-ms", quick ? 500 : null), true), report);
        case "producer" -> new ProducerBenchmark(new ProducerBenchmark.Options(
            intOption(options, "producer-records", quick ? 100_000 : 1_000_000),
            intOption(options, "rounds", quick ? 1 : 3), intOption(options, "warmup", quick ? 1 : 2),
            intOption(options, "producer-partitions", 3)), System.err).run(report);
        case "many" -> {
          List<Path> classPath = Locations.jars(locations.benchmarksLib(), "courier-config-", "kafka-clients-",
              "jackson-core-", "slf4j-api-");
          List<Path> processorPath = new ArrayList<>(Locations.jars(locations.processorPath()));
          processorPath.addAll(classPath);
          new ManyTypesBenchmark(new ManyTypesBenchmark.Options(intOption(options, "many-types", 50),
              intOption(options, "many-records", quick ? 50_000 : 2_000_000),
              intOption(options, "rounds", quick ? 1 : 3), intOption(options, "warmup", quick ? 1 : 2), classPath,
              processorPath,
              workDir(options, locations).resolve("many")), System.err).run(report);
        }
        case "javac" -> {
          List<Path> classPath = Locations.jars(locations.benchmarksLib(), "courier-config-", "kafka-clients-",
              "jackson-core-", "slf4j-api-");
          List<Path> processorPath = new ArrayList<>(Locations.jars(locations.processorPath()));
          processorPath.addAll(classPath);
          new ProcessorCostBenchmark(new ProcessorCostBenchmark.Options(
              intOption(options, "javac-classes", quick ? 50 : 500), intOption(options, "javac-rounds", quick ? 1 : 5),
              intOption(options, "javac-warmup", quick ? 1 : 3), classPath, processorPath,
              !"false".equals(options.get("javac-processorpath")),
              "false".equals(options.get("javac-autovalue")) ? List.of() : Locations.jars(locations.autoValuePath()),
              workDir(options, locations).resolve("javac")), System.err).run(report);
        }
        default -> fail("unknown part '" + part + "'");
      }
      // Each part's tables as soon as it is done (a long run may be stopped); the whole report follows at the end.
      report.printNew(System.err);
    }
    System.out.println();
    System.out.println("## Courier benchmark report" + (quick ? " (quick: sizes too small for real numbers)" : ""));
    System.out.println();
    System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; kafka-clients "
        + Locations.kafkaClientsVersion() + "; JVM options " + java.lang.management.ManagementFactory
        .getRuntimeMXBean().getInputArguments());
    report.print(System.out);
    System.out.printf(Locale.ROOT, "%s; took %.1f min.%n", report.summary(),
        (System.nanoTime() - started) / 60e9);
  }

  private static ConnectorBenchmark connector(boolean quick, Map<String, String> options, Locations locations) {
    int records = intOption(options, "records", quick ? 100_000 : 1_000_000);
    int files = intOption(options, "files", quick ? 100 : 1000);
    List<ConnectorBenchmark.Setting> settings = new ArrayList<>();
    for (String s : options.getOrDefault("settings", "defaults,tuned").split(",")) {
      settings.add(ConnectorBenchmark.Setting.valueOf(s.trim().toUpperCase(Locale.ROOT)));
    }
    Set<ConnectorBenchmark.Case> cases = EnumSet.noneOf(ConnectorBenchmark.Case.class);
    for (String c : options.getOrDefault("cases", "text,json,files").split(",")) {
      cases.add(ConnectorBenchmark.Case.valueOf(c.trim().toUpperCase(Locale.ROOT)));
    }
    Path workDir = workDir(options, locations).resolve("connector");
    return new ConnectorBenchmark(new ConnectorBenchmark.Options(records, files, intOption(options, "line-bytes", 100),
        intOption(options, "rounds", quick ? 1 : 3), intOption(options, "warmup", 1), settings, cases, workDir,
        intOption(options, "pause-ms", quick ? 200 : 1000)), locations, System.err);
  }

  private static Path workDir(Map<String, String> options, Locations locations) {
    return Path.of(options.getOrDefault("work-dir",
        locations.repoRoot().resolve("benchmarks/target/bench-work").toString()));
  }

  private static Integer intOption(Map<String, String> options, String key, Integer fallback) {
    String value = options.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      fail("--" + key + " must be a whole number, got '" + value + "'");
      return fallback;
    }
  }

  private static String usage() {
    return String.join("\n",
        "usage: java -jar benchmarks/target/benchmarks.jar [quick|full] [part,...] [--key=value ...]",
        "parts: connector, micro, producer, javac, jmh (default: all, in this order)",
        "connector: --records=1000000 --files=1000 --rounds=3 --warmup=1 --settings=defaults,tuned",
        "           --cases=text,json,files --line-bytes=100 --pause-ms=1000",
        "micro:     --micro-rounds=15 --micro-warmup=3 --micro-slice-ms=100",
        "jmh:       --jmh-include=REGEX --jmh-forks=N --jmh-warmup=N --jmh-iterations=N --jmh-iteration-ms=N",
        "           (defaults: the annotations: 2 forks, 3 warm-up and 5 measured iterations of 2 s)",
        "producer:  --producer-records=1000000 --producer-partitions=3 --rounds=3 --warmup=2",
        "javac:     --javac-classes=500 --javac-rounds=5 --javac-warmup=3 --javac-processorpath=true",
        "           --javac-autovalue=true (the AutoValue anchor)",
        "all:       --work-dir=benchmarks/target/bench-work",
        "quick: small sizes and one measured round, to check that everything runs",
        "");
  }

  private static void fail(String message) {
    System.err.println(message);
    System.err.println(usage());
    System.exit(2);
  }
}

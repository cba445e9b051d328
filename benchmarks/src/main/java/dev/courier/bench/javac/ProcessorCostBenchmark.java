/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.javac;

import dev.courier.bench.Dirs;
import dev.courier.bench.report.Report;
import dev.courier.bench.report.Samples;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;

/**
 * The annotation processor's cost: javac (in this JVM, through {@code javax.tools}) compiles the same
 * {@code classes} {@code @KafkaMessage} records, written from one template, once with {@code -proc:none} and once
 * with courier-annotation-processor on {@code -processorpath}; the second compile also compiles the code the
 * processor generates, as a real build does. Compiles alternate after warm-up rounds (javac itself needs JIT warm-up);
 * the ratio is the median of the per-round ratios. The CPU time spent in annotation processing rounds is measured
 * separately with a {@link TaskListener}. A third compile per round runs the warmed processor with the evolution
 * check against a baseline of the same types' schemas, for the check's cost.
 *
 * @param options what to run
 * @param log progress output
 */
public record ProcessorCostBenchmark(Options options, PrintStream log) {

  /**
   * What to run.
   *
   * @param classes how many message classes
   * @param rounds measured rounds
   * @param warmupRounds rounds run first and not counted
   * @param classPath the compile class path (courier-config, kafka-clients, jackson-core, slf4j-api)
   * @param processorPath courier-annotation-processor and its dependencies
   * @param processorPathRuns whether to also compile with {@code -processorpath} (the processor loaded per compile)
   * @param autoValuePath AutoValue's processor and annotations jars, for the peer anchor, or empty to skip it
   * @param workDir where sources and classes go
   */
  public record Options(int classes, int rounds, int warmupRounds, List<Path> classPath, List<Path> processorPath,
      boolean processorPathRuns, List<Path> autoValuePath, Path workDir) {
  }

  /**
   * Runs it and adds the results to {@code report}.
   *
   * @param report the report
   */
  public void run(Report report) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run the benchmark on a JDK, not a JRE");
    }
    Path sources = writeSources(options.workDir().resolve("src"), options.classes());
    Path valueSources = writeValueSources(options.workDir().resolve("src-autovalue"), options.classes());
    List<Double> without = new ArrayList<>();
    List<Double> warm = new ArrayList<>();
    List<Double> processing = new ArrayList<>();
    List<Double> cold = new ArrayList<>();
    List<Double> withoutCpu = new ArrayList<>();
    List<Double> warmCpu = new ArrayList<>();
    List<Double> coldCpu = new ArrayList<>();
    List<Double> warmRatios = new ArrayList<>();
    List<Double> warmCpuRatios = new ArrayList<>();
    List<Double> coldCpuRatios = new ArrayList<>();
    List<Double> autoValueCpu = new ArrayList<>();
    List<Double> autoValueNoneCpu = new ArrayList<>();
    List<Double> autoValueRatios = new ArrayList<>();
    List<Double> versusAutoValue = new ArrayList<>();
    List<Double> checkedCpu = new ArrayList<>();
    List<Double> checkedProcessing = new ArrayList<>();
    List<Double> checkedRatios = new ArrayList<>();
    List<Double> checkedProcessingRatios = new ArrayList<>();
    int generatedFiles = 0;
    int autoValueFiles = 0;
    List<Mode> modes = new ArrayList<>(List.of(Mode.NONE, Mode.WARM, Mode.WARM_EVOLUTION));
    if (options.processorPathRuns()) {
      modes.add(Mode.PROCESSOR_PATH);
    }
    if (!options.autoValuePath().isEmpty()) {
      modes.addAll(List.of(Mode.AUTOVALUE_NONE, Mode.AUTOVALUE));
    }
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        URLClassLoader processorLoader = new URLClassLoader(urls(options.processorPath()),
            ClassLoader.getPlatformClassLoader())) {
      List<Source> inputs = sourceFiles(sources);
      List<Source> valueInputs = sourceFiles(valueSources);
      // The evolution check's baseline: the same types' schemas, from one compile first, so that every type is
      // compared member by member (and found compatible), the check's full cost.
      compile(javac, files, inputs, Mode.WARM, processorLoader, -1, baseline());
      int total = options.warmupRounds() + options.rounds();
      for (int round = 0; round < total; round++) {
        boolean warmup = round < options.warmupRounds();
        Map<Mode, Compile> results = new EnumMap<>(Mode.class);
        List<Mode> order = new ArrayList<>(modes);
        Collections.rotate(order, round);
        for (Mode mode : order) {
          System.gc();
          results.put(mode, compile(javac, files, mode.autoValue ? valueInputs : inputs, mode, processorLoader, round,
              null));
        }
        Compile plain = results.get(Mode.NONE);
        Compile processed = results.get(Mode.WARM);
        Compile fresh = results.get(Mode.PROCESSOR_PATH);
        Compile checked = results.get(Mode.WARM_EVOLUTION);
        generatedFiles = processed.generatedSources;
        log.printf(Locale.ROOT, "  %s round %d/%d: with the evolution check CPU %.0f ms, of which %.0f ms in annotation"
                + " processing rounds%n", warmup ? "warm-up" : "measured", round + 1, total, checked.cpuMillis,
            checked.processingMillis);
        if (!warmup) {
          checkedCpu.add(checked.cpuMillis);
          checkedProcessing.add(checked.processingMillis);
          checkedRatios.add(checked.cpuMillis / processed.cpuMillis);
          checkedProcessingRatios.add(checked.processingMillis / processed.processingMillis);
        }
        log.printf(Locale.ROOT, "  %s round %d/%d: javac without processor %.0f ms (CPU %.0f ms), with the warmed"
                + " processor %.0f ms (CPU %.0f ms, of which %.0f ms in annotation processing rounds; %d generated"
                + " sources)%s%n",
            warmup ? "warm-up" : "measured", round + 1, total, plain.millis, plain.cpuMillis, processed.millis,
            processed.cpuMillis, processed.processingMillis, processed.generatedSources, fresh == null ? ""
                : String.format(Locale.ROOT, ", with -processorpath %.0f ms (CPU %.0f ms)", fresh.millis,
                    fresh.cpuMillis));
        Compile valuesPlain = results.get(Mode.AUTOVALUE_NONE);
        Compile values = results.get(Mode.AUTOVALUE);
        if (values != null) {
          autoValueFiles = values.generatedSources;
          log.printf(Locale.ROOT, "  %s round %d/%d: AutoValue anchor: javac without processor CPU %.0f ms, with"
                  + " AutoValue (-processorpath) CPU %.0f ms (%d generated sources)%n",
              warmup ? "warm-up" : "measured", round + 1, total, valuesPlain.cpuMillis, values.cpuMillis,
              values.generatedSources);
        }
        if (!warmup && values != null) {
          autoValueNoneCpu.add(valuesPlain.cpuMillis);
          autoValueCpu.add(values.cpuMillis);
          autoValueRatios.add(values.cpuMillis / valuesPlain.cpuMillis);
          if (fresh != null) {
            versusAutoValue.add((fresh.cpuMillis / plain.cpuMillis) / (values.cpuMillis / valuesPlain.cpuMillis));
          }
        }
        if (!warmup) {
          without.add(plain.millis);
          warm.add(processed.millis);
          processing.add(processed.processingMillis);
          withoutCpu.add(plain.cpuMillis);
          warmCpu.add(processed.cpuMillis);
          warmRatios.add(processed.millis / plain.millis);
          warmCpuRatios.add(processed.cpuMillis / plain.cpuMillis);
          if (fresh != null) {
            cold.add(fresh.millis);
            coldCpu.add(fresh.cpuMillis);
            coldCpuRatios.add(fresh.cpuMillis / plain.cpuMillis);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Report.Section section = report.section("Annotation processor cost (javac)", "ms")
        .note(String.format(Locale.ROOT, "%d @KafkaMessage records (8 members, one nested record) from one template;"
            + " javac %s in this JVM via javax.tools: -proc:none vs courier-annotation-processor (which generates %d"
            + " sources: producer, serializer, deserializer, descriptor per type, all compiled too). \"Warmed\": the"
            + " processor's classes are loaded once and JIT-compiled across rounds, a new processor instance per"
            + " compile. \"-processorpath\": javac loads the processor anew each compile, as a single cold build does."
            + " CPU is the compiling thread's CPU time (javac compiles in the calling thread), which other load on the"
            + " machine hardly changes; wall time is shown too. \"Annotation processing rounds\": CPU time inside"
            + " javac's processing rounds (the processor, and javac parsing and entering what it generates); the rest"
            + " of the difference is compiling the generated code."
            + " Median of %d rounds (order rotating) after %d warm-up round(s).", options.classes(),
            System.getProperty("java.specification.version"), generatedFiles, options.rounds(),
            options.warmupRounds()))
        .row("CPU: javac, no processor", new Samples(withoutCpu))
        .row("CPU: javac, with the warmed processor (and compiling what it generates)", new Samples(warmCpu))
        .row("CPU: of which annotation processing rounds", new Samples(processing));
    if (!coldCpu.isEmpty()) {
      section.row("CPU: javac, with -processorpath (processor loaded per compile)", new Samples(coldCpu));
    }
    section.row("wall: javac, no processor", new Samples(without))
        .row("wall: javac, with the warmed processor", new Samples(warm));
    if (!cold.isEmpty()) {
      section.row("wall: javac, with -processorpath", new Samples(cold));
    }
    section.ratio("CPU: with the warmed processor / without", new Samples(warmCpuRatios), 1.3, true)
        .ratio("wall: with the warmed processor / without", new Samples(warmRatios), null, true);
    if (!coldCpuRatios.isEmpty()) {
      section.ratio("CPU: with -processorpath / without", new Samples(coldCpuRatios), null, true);
    }
    report.section("Evolution check cost (javac)", "ms")
        .note(String.format(Locale.ROOT, "The same %d types with the warmed processor, without and with"
            + " -Acourier.evolution.baseline naming a directory of their own schemas (written by one compile before"
            + " the rounds), so that every type's schema is read, parsed and compared member by member with its"
            + " baseline. In the same rounds as above, order rotating; ratios per round. Target: the check adds at most"
            + " 20%% to the processor's time.", options.classes()))
        .row("CPU: javac, with the warmed processor and the check", new Samples(checkedCpu))
        .row("CPU: of which annotation processing rounds", new Samples(checkedProcessing))
        .ratio("CPU, annotation processing rounds: with the check / without", new Samples(checkedProcessingRatios),
            1.2, true)
        .ratio("CPU, whole compile: with the check / without", new Samples(checkedRatios), null, true);
    if (!autoValueRatios.isEmpty()) {
      Report.Section anchor = report.section("Peer anchor: AutoValue on equivalent value types (javac)", "ms")
          .note(String.format(Locale.ROOT, "The same %d types as @AutoValue abstract classes (the same 8 members and"
              + " nested type, no factory method, so they compile without the processor too); javac with -proc:none"
              + " vs with AutoValue 1.11.1 on -processorpath (which generates %d sources), in the same rounds as the"
              + " Courier compiles above, order rotating. \"Courier / AutoValue\" divides Courier's -processorpath"
              + " ratio by AutoValue's, per round.", options.classes(), autoValueFiles))
          .row("CPU: javac, no processor, AutoValue sources", new Samples(autoValueNoneCpu))
          .row("CPU: javac, with AutoValue", new Samples(autoValueCpu))
          .ratio("CPU: with AutoValue / without", new Samples(autoValueRatios), null, true);
      if (!versusAutoValue.isEmpty()) {
        anchor.ratio("Courier's ratio (-processorpath) / AutoValue's ratio", new Samples(versusAutoValue), null, true);
      }
    }
  }

  private record Compile(double millis, double cpuMillis, double processingMillis, int generatedSources) {
  }

  /** How javac gets the processor. */
  enum Mode {
    /** {@code -proc:none}. */
    NONE("plain"),
    /** A new processor instance per compile, from classes loaded once: the warmed-up processor. */
    WARM("warm"),
    /** As {@link #WARM}, with the evolution check against a baseline of the same types' schemas. */
    WARM_EVOLUTION("warm-evolution"),
    /** {@code -processorpath}: javac loads the processor's classes anew for every compile, as a one-off build does. */
    PROCESSOR_PATH("processorpath", false),
    /** The AutoValue sources with {@code -proc:none}. */
    AUTOVALUE_NONE("autovalue-plain", true),
    /** The AutoValue sources with AutoValue on {@code -processorpath}. */
    AUTOVALUE("autovalue", true);

    final String dir;
    final boolean autoValue;

    Mode(String dir) {
      this(dir, false);
    }

    Mode(String dir, boolean autoValue) {
      this.dir = dir;
      this.autoValue = autoValue;
    }
  }

  /** Where the evolution check's baseline is kept. */
  private Path baseline() {
    return options.workDir().resolve("evolution-baseline");
  }

  /**
   * Compiles the inputs once.
   *
   * @param keepSchemas where to copy the generated schemas before the output is deleted, or {@code null}
   */
  private Compile compile(JavaCompiler javac, StandardJavaFileManager files, List<Source> inputs, Mode mode,
      ClassLoader processorLoader, int round, Path keepSchemas) throws IOException {
    boolean processor = mode != Mode.NONE && mode != Mode.AUTOVALUE_NONE;
    Path out = options.workDir().resolve("out-" + mode.dir + "-" + round);
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path generated = Files.createDirectories(out.resolve("generated"));
    List<String> args = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-implicit:class",
        "-Xlint:all,-processing", "-d", classes.toString(), "-s", generated.toString(), "-classpath",
        join(mode.autoValue ? options.autoValuePath() : options.classPath())));
    if (mode == Mode.PROCESSOR_PATH) {
      args.add("-processorpath");
      args.add(join(options.processorPath()));
    } else if (mode == Mode.AUTOVALUE) {
      args.add("-processorpath");
      args.add(join(options.autoValuePath()));
    } else if (mode == Mode.NONE || mode == Mode.AUTOVALUE_NONE) {
      args.add("-proc:none");
    } else if (mode == Mode.WARM_EVOLUTION) {
      args.add("-Acourier.evolution.baseline=" + baseline());
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(inputs.stream().map(Source::path)
        .toList());
    JavacTask task = (JavacTask) javac.getTask(output, files, diagnostics, args, null, units);
    if (mode == Mode.WARM || mode == Mode.WARM_EVOLUTION) {
      List<Processor> processors = new ArrayList<>();
      for (Processor candidate : ServiceLoader.load(Processor.class, processorLoader)) {
        // Only Courier's: the same processors -processorpath would run for a user's build of these sources.
        if (candidate.getClass().getName().startsWith("dev.courier.")) {
          processors.add(candidate);
        }
      }
      if (processors.isEmpty()) {
        throw new IllegalStateException("no annotation processor registered in " + options.processorPath());
      }
      task.setProcessors(processors);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] processingStarted = {0};
    long[] processingNanos = {0};
    task.addTaskListener(new TaskListener() {
      @Override
      public void started(TaskEvent e) {
        if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
          processingStarted[0] = threads.getCurrentThreadCpuTime();
        }
      }

      @Override
      public void finished(TaskEvent e) {
        if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
          processingNanos[0] += threads.getCurrentThreadCpuTime() - processingStarted[0];
        }
      }
    });
    long started = System.nanoTime();
    long cpuStarted = threads.getCurrentThreadCpuTime();
    boolean ok = task.call();
    long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStarted;
    long nanos = System.nanoTime() - started;
    if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
      throw new IllegalStateException("javac (" + mode + ") reported:\n"
          + diagnostics.getDiagnostics().stream().limit(20).map(Object::toString).collect(Collectors.joining("\n"))
          + output);
    }
    int generatedSources;
    try (Stream<Path> walk = Files.walk(generated)) {
      generatedSources = (int) walk.filter(p -> p.toString().endsWith(".java")).count();
    }
    if (processor && generatedSources == 0) {
      throw new IllegalStateException("the processor generated nothing: is it on " + options.processorPath() + "?");
    }
    if (keepSchemas != null) {
      Path schemas = classes.resolve("META-INF/courier/schemas");
      Files.createDirectories(keepSchemas);
      try (Stream<Path> list = Files.list(schemas)) {
        for (Path schema : list.toList()) {
          Files.copy(schema, keepSchemas.resolve(schema.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Dirs.deleteRecursively(out);
    return new Compile(nanos / 1e6, cpuNanos / 1e6, processingNanos[0] / 1e6, generatedSources);
  }

  private record Source(Path path) {
  }

  private static List<Source> sourceFiles(Path sources) throws IOException {
    try (Stream<Path> walk = Files.walk(sources)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().map(Source::new).toList();
    }
  }

  private static URL[] urls(List<Path> paths) {
    URL[] urls = new URL[paths.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = paths.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(paths.get(i).toString(), e);
      }
    }
    return urls;
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
  }

  /**
   * Writes {@code count} message records from the template.
   *
   * @param dir the source root
   * @param count how many
   * @return {@code dir}
   */
  static Path writeSources(Path dir, int count) {
    try {
      Dirs.deleteRecursively(dir);
      Path pkg = Files.createDirectories(dir.resolve("bench/messages"));
      for (int i = 0; i < count; i++) {
        Files.writeString(pkg.resolve("Message" + i + ".java"), template(i), StandardCharsets.UTF_8);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code count} AutoValue value types equivalent to the message records.
   *
   * @param dir the source root
   * @param count how many
   * @return {@code dir}
   */
  static Path writeValueSources(Path dir, int count) {
    try {
      Dirs.deleteRecursively(dir);
      Path pkg = Files.createDirectories(dir.resolve("bench/values"));
      for (int i = 0; i < count; i++) {
        Files.writeString(pkg.resolve("Value" + i + ".java"), valueTemplate(i), StandardCharsets.UTF_8);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String valueTemplate(int i) {
    return """
        package bench.values;

        import com.google.auto.value.AutoValue;
        import java.util.List;

        /** Benchmark value type %1$d, the AutoValue equivalent of message %1$d. */
        @AutoValue
        public abstract class Value%1$d {
          /** @return the key */
          public abstract String id();

          /** @return an amount */
          public abstract long amountCents();

          /** @return a count */
          public abstract int quantity();

          /** @return a flag */
          public abstract boolean express();

          /** @return a decimal */
          public abstract double weight();

          /** @return a code */
          public abstract String currency();

          /** @return labels */
          public abstract List<String> tags();

          /** @return a nested value */
          public abstract Item%1$d item();

          /** A nested value type. */
          @AutoValue
          public abstract static class Item%1$d {
            /** @return an article number */
            public abstract String sku();

            /** @return how many */
            public abstract int count();
          }
        }
        """.formatted(i);
  }

  static String template(int i) {
    return """
        package bench.messages;

        import dev.courier.KafkaMessage;
        import dev.courier.PartitionKey;
        import java.util.List;

        /**
         * Benchmark message %1$d.
         *
         * @param id the key
         * @param amountCents an amount
         * @param quantity a count
         * @param express a flag
         * @param weight a decimal
         * @param currency a code
         * @param tags labels
         * @param item a nested record
         */
        @KafkaMessage(topic = "topic-%1$d")
        public record Message%1$d(
            @PartitionKey String id,
            long amountCents,
            int quantity,
            boolean express,
            double weight,
            String currency,
            List<String> tags,
            Item%1$d item) {

          /**
           * A nested record.
           *
           * @param sku an article number
           * @param count how many
           */
          public record Item%1$d(String sku, int count) {}
        }
        """.formatted(i);
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.many;

import dev.courier.bench.Dirs;
import dev.courier.bench.report.Report;
import dev.courier.bench.report.Samples;
import dev.courier.harness.EmbeddedKafka;
import dev.courier.runtime.SharedProducers;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * An application with many message types (issue 20): {@code types} {@code @KafkaMessage} records, each on a topic of
 * its own, a tenth of them fixing {@code linger.ms}, sending one mixed stream (record {@code i} is of type
 * {@code i % types}) asynchronously with a callback, then flushing. The ways, rounds rotating, in one JVM with the
 * in-process broker: a producer per type (each type's generated {@code create(Map)}, today's default), the types'
 * generated {@code create(SharedProducers)}, and one hand-written {@code KafkaProducer<byte[], byte[]>} that
 * serializes with each type's generated serializer, all with a runtime {@code linger.ms} that every type agrees with;
 * and the shared producers without it, where the types fall into two setting groups.
 *
 * <p>The types and a driver that calls their generated producers directly are written from a template and compiled
 * with the processor when the benchmark starts, so nothing repetitive is committed and nothing on the hot path is
 * reflective. Measured while the producers are open, after the stream: producer I/O threads and all live threads
 * added, heap used after GC added (the producers' buffer pools keep their freed batches), and broker connections
 * (the sum of the producers' {@code connection-count} metric over JMX).
 *
 * @param options what to run
 * @param log progress output
 */
public record ManyTypesBenchmark(Options options, PrintStream log) {

  /**
   * What to run.
   *
   * @param types how many message types and topics
   * @param records records per run
   * @param rounds measured rounds
   * @param warmupRounds rounds run first and not counted
   * @param classPath the compile class path (courier-config, kafka-clients, jackson-core, slf4j-api)
   * @param processorPath courier-annotation-processor and its dependencies
   * @param workDir where sources and classes go
   */
  public record Options(int types, int records, int rounds, int warmupRounds, List<Path> classPath,
      List<Path> processorPath, Path workDir) {}

  /** The three ways. */
  enum Way {
    PER_TYPE("a producer per type (create(Map))"),
    SHARED("SharedProducers (create(SharedProducers)), one setting group"),
    HAND_WRITTEN("one hand-written KafkaProducer<byte[], byte[]>"),
    /** Without the runtime {@code linger.ms} that makes every type agree: two setting groups. */
    SHARED_SPLIT("SharedProducers, two setting groups");

    final String label;

    Way(String label) {
      this.label = label;
    }
  }

  private record Run(double recordsPerSecond, long ioThreads, long threads, double heapMiB, double connections) {}

  private static final int MESSAGES_PER_TYPE = 200;

  /**
   * Runs it and adds the results to {@code report}.
   *
   * @param report the report
   */
  public void run(Report report) {
    Senders driver = compileDriver();
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      for (int t = 0; t < options.types(); t++) {
        kafka.createTopic(topic(t), 3);
      }
      // The same linger for every type and way (the tenth that fixes lingerMs = 20 agrees with it), so that the ways
      // differ only in how many producers send; SHARED_SPLIT leaves it out, and the types fall into two groups.
      Map<String, Object> split = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      Map<String, Object> runtime = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
          ProducerConfig.LINGER_MS_CONFIG, "20");
      Map<Way, List<Run>> runs = new EnumMap<>(Way.class);
      int total = options.warmupRounds() + options.rounds();
      for (int round = 0; round < total; round++) {
        List<Way> order = new ArrayList<>(List.of(Way.values()));
        java.util.Collections.rotate(order, round);
        StringBuilder line = new StringBuilder();
        for (Way way : order) {
          Run run = run(driver, way, way == Way.SHARED_SPLIT ? split : runtime);
          if (round >= options.warmupRounds()) {
            runs.computeIfAbsent(way, w -> new ArrayList<>()).add(run);
          }
          line.append(String.format(Locale.ROOT, "; %s %,.0f records/s, %d I/O threads, %d threads, %.1f MiB,"
              + " %.0f connections", way, run.recordsPerSecond, run.ioThreads, run.threads, run.heapMiB,
              run.connections));
        }
        log.printf(Locale.ROOT, "  %s round %d/%d%s%n", round < options.warmupRounds() ? "warm-up" : "measured",
            round + 1, total, line);
      }
      report(report, runs);
    }
  }

  private void report(Report report, Map<Way, List<Run>> runs) {
    Report.Section section = report.section("Many message types, one producer (issue 20)", "records/s")
        .note(String.format(Locale.ROOT, "%d @KafkaMessage types on %d topics of 3 partitions (a tenth fixes"
            + " lingerMs = 20), %,d records per run in one mixed stream, sent asynchronously with a callback then"
            + " flushed, through the in-process broker; %d measured rounds after %d warm-up round(s), the ways in"
            + " rotating order. Runtime properties: bootstrap servers and linger.ms=20 for every way (so all types"
            + " agree: one setting group), except \"two setting groups\", without linger.ms. Threads, heap and"
            + " connections are measured while the producers are open, after the stream; heap is used heap after GC"
            + " over the same before the producers opened.", options.types(), options.types(), options.records(),
            options.rounds(), options.warmupRounds()));
    for (Way way : Way.values()) {
      section.row("throughput: " + way.label, samples(runs.get(way), Run::recordsPerSecond));
    }
    for (Way way : Way.values()) {
      section.row("producer I/O threads: " + way.label, samples(runs.get(way), r -> (double) r.ioThreads));
      section.row("live threads added: " + way.label, samples(runs.get(way), r -> (double) r.threads));
      section.row("heap after GC added, MiB: " + way.label, samples(runs.get(way), Run::heapMiB));
      section.row("broker connections: " + way.label, samples(runs.get(way), Run::connections));
    }
    section.ratio("throughput: shared / hand-written", ratios(runs.get(Way.SHARED), runs.get(Way.HAND_WRITTEN),
        Run::recordsPerSecond), 0.95, false);
    section.ratio("throughput: shared / a producer per type", ratios(runs.get(Way.SHARED), runs.get(Way.PER_TYPE),
        Run::recordsPerSecond), null, false);
    section.ratio("I/O threads: shared, one setting group / 1", new Samples(runs.get(Way.SHARED).stream()
        .map(r -> (double) r.ioThreads).toList()), 1.0, true);
    section.ratio("I/O threads: shared, two setting groups / 2", new Samples(runs.get(Way.SHARED_SPLIT).stream()
        .map(r -> r.ioThreads / 2.0).toList()), 1.0, true);
  }

  private static Samples samples(List<Run> runs, java.util.function.ToDoubleFunction<Run> value) {
    return new Samples(runs.stream().map(r -> value.applyAsDouble(r)).toList());
  }

  private static Samples ratios(List<Run> a, List<Run> b, java.util.function.ToDoubleFunction<Run> value) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      ratios.add(value.applyAsDouble(a.get(i)) / value.applyAsDouble(b.get(i)));
    }
    return new Samples(ratios);
  }

  private Run run(Senders driver, Way way, Map<String, Object> runtime) {
    Set<ObjectName> metricsBefore = producerMetrics();
    long ioBefore = ioThreads();
    long threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    double heapBefore = heapAfterGc();
    SharedProducers shared = null;
    Producer<byte[], byte[]> handWritten = null;
    List<Senders.Sender> senders;
    switch (way) {
      case PER_TYPE -> senders = driver.perType(runtime);
      case SHARED, SHARED_SPLIT -> {
        shared = SharedProducers.create(runtime);
        senders = driver.shared(shared);
      }
      default -> {
        handWritten = new KafkaProducer<>(runtime, new ByteArraySerializer(), new ByteArraySerializer());
        senders = driver.handWritten(handWritten);
      }
    }
    AtomicLong failed = new AtomicLong();
    AtomicReference<Exception> first = new AtomicReference<>();
    Callback callback = (metadata, e) -> {
      if (e != null) {
        failed.incrementAndGet();
        first.compareAndSet(null, e);
      }
    };
    int types = senders.size();
    for (int t = 0; t < types; t++) {
      senders.get(t).send(0, callback); // connect and fetch every topic's metadata before the clock starts
    }
    flush(senders, shared, handWritten);
    long started = System.nanoTime();
    for (int i = 0; i < options.records(); i++) {
      senders.get(i % types).send(i / types, callback);
    }
    flush(senders, shared, handWritten);
    long nanos = System.nanoTime() - started;
    long io = ioThreads() - ioBefore;
    long threads = ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore;
    double heap = heapAfterGc() - heapBefore;
    double connections = connections(metricsBefore);
    senders.forEach(Senders.Sender::close);
    if (shared != null) {
      shared.close();
    }
    if (handWritten != null) {
      handWritten.close();
    }
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " sends failed (" + way + ")", first.get());
    }
    return new Run(options.records() / (nanos / 1e9), io, threads, heap, connections);
  }

  /** Flushes every producer: the shared or hand-written one once, each type's own otherwise. */
  private static void flush(List<Senders.Sender> senders, SharedProducers shared, Producer<?, ?> handWritten) {
    if (shared != null) {
      shared.flush();
    } else if (handWritten != null) {
      handWritten.flush();
    } else {
      senders.forEach(Senders.Sender::flush);
    }
  }

  private static long ioThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("kafka-producer-network-thread")).count();
  }

  private static double heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  private static Set<ObjectName> producerMetrics() {
    try {
      return ManagementFactory.getPlatformMBeanServer()
          .queryNames(new ObjectName("kafka.producer:type=producer-metrics,*"), null);
    } catch (javax.management.MalformedObjectNameException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The sum of {@code connection-count} over the producers opened since {@code before}. */
  private static double connections(Set<ObjectName> before) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    double sum = 0;
    Set<ObjectName> now = new HashSet<>(producerMetrics());
    now.removeAll(before);
    for (ObjectName name : now) {
      try {
        sum += ((Number) server.getAttribute(name, "connection-count")).doubleValue();
      } catch (javax.management.JMException e) {
        throw new IllegalStateException("cannot read " + name, e);
      }
    }
    return sum;
  }

  static String topic(int type) {
    return String.format(Locale.ROOT, "many-%02d", type);
  }

  /** Writes the types and the driver, compiles them with the processor, and loads the driver. */
  private Senders compileDriver() {
    Path src = options.workDir().resolve("src/many");
    Path classes = options.workDir().resolve("classes");
    try {
      Dirs.deleteRecursively(options.workDir());
      Files.createDirectories(src);
      Files.createDirectories(classes);
      List<Path> files = new ArrayList<>();
      for (int t = 0; t < options.types(); t++) {
        Path file = src.resolve(String.format(Locale.ROOT, "T%02d.java", t));
        Files.writeString(file, typeSource(t), StandardCharsets.UTF_8);
        files.add(file);
      }
      Path driver = src.resolve("Driver.java");
      Files.writeString(driver, driverSource(), StandardCharsets.UTF_8);
      files.add(driver);
      compile(files, classes);
      URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
          ManyTypesBenchmark.class.getClassLoader());
      return (Senders) loader.loadClass("many.Driver").getConstructor().newInstance();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the compiled driver", e);
    }
  }

  private void compile(List<Path> files, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run the benchmark on a JDK, not a JRE");
    }
    List<Path> classPath = new ArrayList<>(options.classPath());
    classPath.add(ownLocation());
    List<String> args = List.of("--release", "17", "-encoding", "UTF-8", "-d", classes.toString(), "-classpath",
        join(classPath), "-processorpath", join(options.processorPath()));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager manager = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(output, manager, diagnostics, args, null,
          manager.getJavaFileObjectsFromPaths(files)).call();
      if (!ok) {
        throw new IllegalStateException("the many-types driver does not compile:\n" + diagnostics.getDiagnostics()
            .stream().limit(20).map(Object::toString).collect(Collectors.joining("\n")) + output);
      }
    }
  }

  private static Path ownLocation() {
    try {
      return Path.of(ManyTypesBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
  }

  /** A type; every tenth lingers longer, so the types fall into two setting groups. */
  private static String typeSource(int t) {
    return String.format(Locale.ROOT, """
        package many;

        import dev.courier.KafkaMessage;
        import dev.courier.PartitionKey;

        /** Message type %1$d of the many-types benchmark. */
        @KafkaMessage(topic = "%2$s"%3$s)
        public record T%1$02d(@PartitionKey String id, long amountCents, int quantity, String note) {}
        """, t, topic(t), t % 10 == 9 ? ", lingerMs = 20" : "");
  }

  /** The driver's lines that add a type's sender on its generated producer, created from {@code argument}. */
  private static String typedSender(String type, String argument) {
    return String.format(Locale.ROOT, "    {%n      %1$sProducer producer = %1$sProducer.create(%2$s);%n"
        + "      senders.add(of(producer::send, producer::flush, producer::close, messages(%1$s::new)));%n    }%n",
        type, argument);
  }

  private String driverSource() {
    StringBuilder perType = new StringBuilder();
    StringBuilder shared = new StringBuilder();
    StringBuilder hand = new StringBuilder();
    for (int t = 0; t < options.types(); t++) {
      String type = String.format(Locale.ROOT, "T%02d", t);
      perType.append(typedSender(type, "runtimeProperties"));
      shared.append(typedSender(type, "shared"));
      hand.append(String.format(Locale.ROOT, "    senders.add(bytes(producer, %1$sProducer.TOPIC, new %1$sSerializer(),"
          + " messages(%1$s::new), %1$s::id));%n", type));
    }
    return String.format(Locale.ROOT, """
        package many;

        import dev.courier.bench.many.Senders;
        import dev.courier.runtime.SharedProducers;
        import java.nio.charset.StandardCharsets;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.Map;
        import java.util.function.BiConsumer;
        import java.util.function.Function;
        import org.apache.kafka.clients.producer.Callback;
        import org.apache.kafka.clients.producer.Producer;
        import org.apache.kafka.clients.producer.ProducerRecord;
        import org.apache.kafka.common.serialization.Serializer;

        /** Calls each type's generated producer directly. Written by ManyTypesBenchmark. */
        public final class Driver implements Senders {
          interface Make<M> {
            M make(String id, long amountCents, int quantity, String note);
          }

          private static <M> List<M> messages(Make<M> make) {
            List<M> messages = new ArrayList<>();
            for (int i = 0; i < %1$d; i++) {
              messages.add(make.make(String.format("order-%%06d", i), 1_000L + i, 1 + i %% 9, "gift wrap, ring twice"));
            }
            return messages;
          }

          private static <M> Sender of(BiConsumer<M, Callback> send, Runnable flush, Runnable close,
              List<M> messages) {
            return new Sender() {
              @Override
              public void send(int index, Callback callback) {
                send.accept(messages.get(index %% messages.size()), callback);
              }

              @Override
              public void flush() {
                flush.run();
              }

              @Override
              public void close() {
                close.run();
              }
            };
          }

          /** What a hand-written application does: serialize the key and value, send the bytes. */
          private static <M> Sender bytes(Producer<byte[], byte[]> producer, String topic, Serializer<M> serializer,
              List<M> messages, Function<M, String> id) {
            return new Sender() {
              @Override
              public void send(int index, Callback callback) {
                M message = messages.get(index %% messages.size());
                producer.send(new ProducerRecord<>(topic, id.apply(message).getBytes(StandardCharsets.UTF_8),
                    serializer.serialize(topic, message)), callback);
              }

              @Override
              public void flush() {
                producer.flush();
              }

              @Override
              public void close() {}
            };
          }

          @Override
          public List<Sender> perType(Map<String, ?> runtimeProperties) {
            List<Sender> senders = new ArrayList<>();
        %2$s    return senders;
          }

          @Override
          public List<Sender> shared(SharedProducers shared) {
            List<Sender> senders = new ArrayList<>();
        %3$s    return senders;
          }

          @Override
          public List<Sender> handWritten(Producer<byte[], byte[]> producer) {
            List<Sender> senders = new ArrayList<>();
        %4$s    return senders;
          }
        }
        """, MESSAGES_PER_TYPE, perType, shared, hand);
  }
}

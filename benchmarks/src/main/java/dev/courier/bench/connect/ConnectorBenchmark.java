/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.connect;

import dev.courier.bench.Dirs;
import dev.courier.bench.Locations;
import dev.courier.bench.report.Report;
import dev.courier.bench.report.Samples;
import dev.courier.harness.ConnectRestClient;
import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.WorkerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Connector throughput: Courier's file source against Kafka's {@code FileStreamSourceConnector} on one Kafka Connect
 * 4.3.1 worker (a child JVM), and against a plain {@code KafkaProducer} that sends the same records with the same
 * settings from this JVM (the ceiling), all into the in-process 4.4.0 broker.
 *
 * <p>Every run writes {@code records} records into a topic of one partition; its rate is counted from the first
 * record that reaches the topic to the last (the topic's end offset, read every 10 ms), so connector and task start-up
 * are not part of it, for any contender. A run checks that exactly {@code records} records arrive. The runs of one
 * round are interleaved (the order rotates each round), a warm-up round comes first and is not counted, and every
 * ratio is the median of the per-round ratios, so JVM warm-up and machine noise hit both sides of a ratio alike.
 */
public final class ConnectorBenchmark {
  static final String FILE_STREAM_SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";
  static final String COURIER_FILE_SOURCE = "dev.courier.connect.file.FileSourceConnector";
  static final String MEMORY_SOURCE = "dev.courier.bench.connect.memory.MemorySourceConnector";
  static final String MESSAGE_CLASS = "dev.courier.bench.model.LineEvent";
  static final String JSON_TOPIC = "courier-bench-events";
  /** The producer keys the ceiling copies from the worker's logged producer config. */
  static final List<String> PRODUCER_KEYS = List.of(ProducerConfig.ACKS_CONFIG, ProducerConfig.BATCH_SIZE_CONFIG,
      ProducerConfig.LINGER_MS_CONFIG, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
      ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ProducerConfig.COMPRESSION_TYPE_CONFIG,
      ProducerConfig.BUFFER_MEMORY_CONFIG, ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
      ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
      ProducerConfig.RETRIES_CONFIG, ProducerConfig.SEND_BUFFER_CONFIG, ProducerConfig.RECEIVE_BUFFER_CONFIG);

  /** Producer settings: what Connect gives a source task, and the tuned overrides. */
  public enum Setting {
    /** The worker's producer defaults, no override. */
    DEFAULTS("Connect defaults", Map.of()),
    /** {@code linger.ms=20}, {@code batch.size=262144}. */
    TUNED("tuned (linger.ms=20, batch.size=262144)", Map.of("linger.ms", "20", "batch.size", "262144"));

    final String label;
    final Map<String, String> overrides;

    Setting(String label, Map<String, String> overrides) {
      this.label = label;
      this.overrides = overrides;
    }
  }

  /** The cases; each has its contenders. */
  public enum Case {
    /** One file of text lines: Courier, FileStreamSource and the ceiling. */
    TEXT,
    /** The same lines as JSON through {@code message.class}, and the keyed ceiling. */
    JSON,
    /** The same lines in 1,000 files, {@code tasks.max=2}. */
    FILES
  }

  enum Contender {
    COURIER_TEXT(Case.TEXT, "Courier file source, text, 1 file"),
    FILE_STREAM_TEXT(Case.TEXT, "FileStreamSourceConnector 4.3.1, text, 1 file"),
    CEILING_TEXT(Case.TEXT, "plain KafkaProducer, same text records (ceiling)"),
    MEMORY_TEXT(Case.TEXT, "in-memory source task, same text records (the Connect framework's floor)"),
    COURIER_JSON(Case.JSON, "Courier file source, JSON lines via message.class"),
    CEILING_JSON(Case.JSON, "plain KafkaProducer, same keyed JSON records (ceiling)"),
    COURIER_FILES(Case.FILES, "Courier file source, text, %d files, tasks.max=2");

    final Case group;
    final String label;

    Contender(Case group, String label) {
      this.group = group;
      this.label = label;
    }

    boolean courier() {
      return this == COURIER_TEXT || this == COURIER_JSON || this == COURIER_FILES;
    }
  }

  /**
   * What to run.
   *
   * @param records records per run
   * @param files how many files the split input has
   * @param lineBytes bytes per line
   * @param rounds measured rounds (the median is taken over them)
   * @param warmupRounds rounds run first and not counted
   * @param settings producer settings to run
   * @param cases cases to run
   * @param workDir where input, plugins and the worker's logs go
   * @param pauseMillis pause between runs
   */
  public record Options(int records, int files, int lineBytes, int rounds, int warmupRounds, List<Setting> settings,
      Set<Case> cases, Path workDir, long pauseMillis) {
  }

  private final Options options;
  private final Locations locations;
  private final PrintStream log;
  private final Map<Setting, Map<Contender, List<Double>>> rates = new EnumMap<>(Setting.class);
  private final Map<Setting, Map<Contender, List<Double>>> cpu = new EnumMap<>(Setting.class);
  private final Map<Setting, Map<String, String>> producerSettings = new EnumMap<>(Setting.class);
  private int runs;

  /**
   * A benchmark.
   *
   * @param options what to run
   * @param locations where the worker's class path and the plugins are
   * @param log progress output
   */
  public ConnectorBenchmark(Options options, Locations locations, PrintStream log) {
    this.options = options;
    this.locations = locations;
    this.log = log;
  }

  /**
   * Runs every round and adds the results to {@code report}.
   *
   * @param report the report
   */
  public void run(Report report) {
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      run(report, kafka);
    }
  }

  /**
   * Runs every round against a given broker and adds the results to {@code report}.
   *
   * @param report the report
   * @param kafka the broker
   */
  public void run(Report report, EmbeddedKafka kafka) {
    Path workDir = options.workDir();
    log.printf("connector benchmark: writing %,d lines of %d bytes to %s%n", options.records(),
        options.lineBytes(), workDir);
    LineData data = LineData.write(workDir.resolve("data"), options.records(), options.files(), options.lineBytes());
    Path pluginPath = assemblePlugins(workDir.resolve("plugins"));
    List<Contender> contenders = new ArrayList<>();
    for (Contender contender : Contender.values()) {
      if (options.cases().contains(contender.group)) {
        contenders.add(contender);
      }
    }
    try (WorkerProcess worker = BenchmarkWorker.start(locations, kafka, pluginPath, workDir.resolve("worker"),
        List.of(FILE_STREAM_SOURCE, COURIER_FILE_SOURCE, MEMORY_SOURCE))) {
      log.printf("broker %s (Kafka %s, in this JVM); Connect worker %s at %s (child JVM %s)%n",
          kafka.bootstrapServers(), Locations.kafkaClientsVersion(), worker.rest().workerVersion(),
          worker.restUrl(), String.join(" ", BenchmarkWorker.KAFKA_SCRIPT_JVM_OPTIONS));
      if (options.cases().contains(Case.JSON)) {
        kafka.createTopic(JSON_TOPIC, 1);
      }
      int total = options.warmupRounds() + options.rounds();
      for (int round = 0; round < total; round++) {
        boolean warmup = round < options.warmupRounds();
        for (Setting setting : options.settings()) {
          List<Contender> order = new ArrayList<>(contenders);
          // The warm-up round runs Courier first, so the ceiling can copy the producer settings its worker logged.
          if (!warmup) {
            Collections.rotate(order, -(round - options.warmupRounds()));
          }
          for (Contender contender : order) {
            TopicCounter.Measurement result = runOnce(kafka, worker, data, contender, setting);
            log.printf(Locale.ROOT, "  %s round %d/%d, %s: %s: %,.0f records/s%s%n", warmup ? "warm-up" : "measured",
                round + 1, total, setting.name().toLowerCase(Locale.ROOT), label(contender),
                result.recordsPerSecond(), Double.isNaN(result.cpuMicrosPerRecord()) ? ""
                    : String.format(Locale.ROOT, ", worker CPU %.2f us/record", result.cpuMicrosPerRecord()));
            if (!warmup) {
              rates.computeIfAbsent(setting, s -> new EnumMap<>(Contender.class))
                  .computeIfAbsent(contender, c -> new ArrayList<>()).add(result.recordsPerSecond());
              if (!Double.isNaN(result.cpuMicrosPerRecord())) {
                cpu.computeIfAbsent(setting, s -> new EnumMap<>(Contender.class))
                    .computeIfAbsent(contender, c -> new ArrayList<>()).add(result.cpuMicrosPerRecord());
              }
            }
          }
        }
      }
    }
    addTo(report);
  }

  private String label(Contender contender) {
    return String.format(Locale.ROOT, contender.label, options.files());
  }

  private TopicCounter.Measurement runOnce(EmbeddedKafka kafka, WorkerProcess worker, LineData data,
      Contender contender, Setting setting) {
    String name = contender.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
        + setting.name().toLowerCase(Locale.ROOT) + "-" + (++runs);
    String topic = contender == Contender.COURIER_JSON ? JSON_TOPIC : "bench-" + name;
    if (!topic.equals(JSON_TOPIC)) {
      kafka.createTopic(topic, 1);
    }
    Admin admin = kafka.admin();
    TopicCounter counter = new TopicCounter(admin, topic);
    long base = counter.count();
    Path input = options.workDir().resolve("input").resolve(name);
    AtomicReference<Throwable> ceilingFailure = new AtomicReference<>();
    Thread ceiling = null;
    ConnectRestClient rest = worker.rest();
    System.gc();
    switch (contender) {
      case COURIER_TEXT -> rest.createOrUpdateConnector(name, courierConfig(setting, topic,
          LineData.linkInto(input, data.singleFile()), "text", 1));
      case COURIER_FILES -> rest.createOrUpdateConnector(name, courierConfig(setting, topic,
          LineData.linkInto(input, data.splitDir()), "text", 2));
      case COURIER_JSON -> rest.createOrUpdateConnector(name, courierConfig(setting, null,
          LineData.linkInto(input, data.singleFile()), "json", 1));
      case FILE_STREAM_TEXT -> rest.createOrUpdateConnector(name,
          singleFileConfig(FILE_STREAM_SOURCE, setting, topic, data.singleFile()));
      case MEMORY_TEXT -> rest.createOrUpdateConnector(name, singleFileConfig(MEMORY_SOURCE, setting, topic,
          data.singleFile()));
      case CEILING_TEXT, CEILING_JSON -> {
        Map<String, String> settings = producerSettings.get(setting);
        if (settings == null) {
          throw new IllegalStateException("no Courier run of setting " + setting + " logged its producer settings"
              + " yet, so the ceiling cannot copy them");
        }
        boolean keyed = contender == Contender.CEILING_JSON;
        ceiling = new Thread(() -> {
          try {
            sendAll(kafka.bootstrapServers(), settings, topic, data, keyed);
          } catch (Throwable t) {
            ceilingFailure.set(t);
          }
        }, "ceiling-producer");
        ceiling.start();
      }
      default -> throw new IllegalStateException(contender.name());
    }
    boolean connector = !contender.name().startsWith("CEILING");
    TopicCounter.Measurement result;
    try {
      result = counter.measure(base, data.records(), timeoutMillis(), () -> {
        if (ceilingFailure.get() != null) {
          return "the plain producer failed: " + ceilingFailure.get();
        }
        HttpResponse<String> status = connector ? BenchmarkWorker.status(worker, name) : null;
        if (status != null && status.statusCode() == 200 && status.body().contains("\"FAILED\"")) {
          return "connector " + name + " failed: " + status.body();
        }
        return null;
      }, connector ? () -> worker.cpuTime().map(Duration::toNanos).orElse(-1L) : () -> -1L);
    } catch (RuntimeException e) {
      throw new IllegalStateException(name + ": " + e.getMessage() + "\n" + (ceiling == null ? worker.logTail(40)
          : ""), e);
    } finally {
      if (ceiling != null) {
        join(ceiling);
      } else {
        BenchmarkWorker.deleteConnector(worker, name);
      }
    }
    if (ceilingFailure.get() != null) {
      throw new IllegalStateException(name + ": the plain producer failed", ceilingFailure.get());
    }
    if (contender.courier()) {
      Map<String, String> logged = selected(BenchmarkWorker.producerConfig(worker,
          "connector-producer-" + name + "-0"));
      if (logged.isEmpty()) {
        throw new IllegalStateException("the worker log has no producer config for connector " + name);
      }
      Map<String, String> previous = producerSettings.putIfAbsent(setting, logged);
      if (previous != null && !previous.equals(logged)) {
        throw new IllegalStateException("connector " + name + " ran with producer settings " + logged
            + ", an earlier run of the same setting with " + previous);
      }
    }
    if (!topic.equals(JSON_TOPIC)) {
      deleteTopic(admin, topic);
    }
    Dirs.deleteRecursively(input);
    TopicCounter.sleep(options.pauseMillis());
    return result;
  }

  private long timeoutMillis() {
    // At least 2 minutes; a run slower than 5,000 records/s is broken rather than slow.
    return Math.max(120_000L, options.records() / 5L);
  }

  private Map<String, String> courierConfig(Setting setting, String topic, Path inputDir, String format,
      int tasks) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", COURIER_FILE_SOURCE);
    config.put("tasks.max", Integer.toString(tasks));
    config.put("input.paths", inputDir.toAbsolutePath().normalize().toString());
    config.put("input.file.pattern", ".*\\.jsonl");
    config.put("format", format);
    config.put("mode", "spool");
    config.put("spool.finished.action", "delete");
    config.put("spool.min.file.age.ms", "0");
    // -Dcourier.bench.courier.<key>=<value> sets a key of Courier's connector, for experiments such as
    // -Dcourier.bench.courier.poll.max.records=2000; a run with any is not comparable with the documented ones.
    String experiment = "courier.bench.courier.";
    System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(experiment)).sorted()
        .forEach(k -> config.put(k.substring(experiment.length()), System.getProperty(k)));
    if (topic == null) {
      config.put("message.class", MESSAGE_CLASS);
      // The records hold the generated producer's bytes, which only ByteArrayConverter writes unchanged.
      config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
      config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
      config.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    } else {
      config.put("topic", topic);
    }
    setting.overrides.forEach((k, v) -> config.put("producer.override." + k, v));
    return config;
  }

  /** A one-task connector that reads {@code file} into {@code topic}: FileStreamSource's keys, also the floor's. */
  private static Map<String, String> singleFileConfig(String connectorClass, Setting setting, String topic,
      Path file) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", connectorClass);
    config.put("tasks.max", "1");
    config.put("file", file.toAbsolutePath().toString());
    config.put("topic", topic);
    setting.overrides.forEach((k, v) -> config.put("producer.override." + k, v));
    return config;
  }



  private static void sendAll(String bootstrapServers, Map<String, String> settings, String topic, LineData data,
      boolean keyed) {
    Map<String, Object> props = new LinkedHashMap<>(settings);
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-ceiling");
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      for (int i = 0; i < data.records() && failure.get() == null; i++) {
        producer.send(new ProducerRecord<>(topic, keyed ? data.key(i) : null, data.value(i)), (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a send of the plain producer failed", failure.get());
    }
  }

  private static Map<String, String> selected(Map<String, String> logged) {
    Map<String, String> selected = new LinkedHashMap<>();
    for (String key : PRODUCER_KEYS) {
      if (logged.containsKey(key)) {
        selected.put(key, logged.get(key));
      }
    }
    return selected;
  }

  private static void deleteTopic(Admin admin, String topic) {
    try {
      admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot delete topic " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join(TimeUnit.MINUTES.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private Path assemblePlugins(Path pluginPath) {
    try {
      Dirs.deleteRecursively(pluginPath);
      Path fileStream = Files.createDirectories(pluginPath.resolve("connect-file"));
      try (var jars = Files.list(locations.connectFilePlugin())) {
        for (Path jar : (Iterable<Path>) jars::iterator) {
          Files.copy(jar, fileStream.resolve(jar.getFileName()));
        }
      }
      Path courier = Files.createDirectories(pluginPath.resolve("courier-connector"));
      try (ZipFile zip = new ZipFile(locations.courierConnectorZip().toFile())) {
        for (ZipEntry entry : Collections.list(zip.entries())) {
          String name = entry.getName();
          int slash = name.indexOf('/');
          String relative = slash < 0 ? name : name.substring(slash + 1);
          if (relative.isEmpty() || entry.isDirectory()) {
            continue;
          }
          Path target = courier.resolve(relative).normalize();
          if (!target.startsWith(courier)) {
            throw new IllegalStateException("zip entry " + name + " points outside the plugin directory");
          }
          Files.createDirectories(target.getParent());
          try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, target);
          }
        }
      }
      Path memory = Files.createDirectories(pluginPath.resolve("memory-source"));
      Files.copy(locations.memoryConnectorJar(), memory.resolve(locations.memoryConnectorJar().getFileName()));
      // The message type and its generated descriptor go next to the connector, as a user would deploy them.
      Files.createDirectories(courier.resolve("lib"));
      Files.copy(locations.messagesJar(), courier.resolve("lib").resolve(locations.messagesJar().getFileName()),
          StandardCopyOption.REPLACE_EXISTING);
      return pluginPath;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot assemble the plugin path in " + pluginPath, e);
    }
  }

  private void addTo(Report report) {
    Report.Section section = report.section("Connector throughput", "records/s")
        .note(String.format(Locale.ROOT, "%,d records of %d bytes (JSON lines, also read as text), 1 topic"
            + " partition; median of %d interleaved rounds after %d warm-up round(s). Rate from the first record"
            + " in the topic to the last.", options.records(), options.lineBytes(), options.rounds(),
            options.warmupRounds()));
    for (Setting setting : options.settings()) {
      Map<String, String> used = producerSettings.get(setting);
      section.note("- producer settings, " + setting.label + ", as the worker logged them and the ceiling used them: "
          + used);
    }
    for (Setting setting : options.settings()) {
      Map<Contender, List<Double>> byContender = rates.getOrDefault(setting, Map.of());
      for (Contender contender : Contender.values()) {
        if (byContender.containsKey(contender)) {
          section.row(setting.label + ": " + label(contender), new Samples(byContender.get(contender)));
        }
      }
    }
    Report.Section cpuSection = report.section("Connector CPU cost in the worker", "us/record")
        .note("CPU time (user + system, all threads) of the Connect worker process per record, over the same"
            + " interval as the rate: converters, the producer and the connector's own work; the broker runs in"
            + " another process. Less sensitive to other load on the machine than records/s. Lower is better.");
    for (Setting setting : options.settings()) {
      Map<Contender, List<Double>> byContender = cpu.getOrDefault(setting, Map.of());
      for (Contender contender : Contender.values()) {
        if (byContender.containsKey(contender)) {
          cpuSection.row(setting.label + ": " + label(contender), new Samples(byContender.get(contender)));
        }
      }
      String s = setting.name().toLowerCase(Locale.ROOT);
      ratio(cpuSection, byContender, Contender.COURIER_TEXT, Contender.FILE_STREAM_TEXT,
          "Courier text / FileStreamSource worker CPU per record, " + s, null);
      ratio(cpuSection, byContender, Contender.COURIER_JSON, Contender.COURIER_TEXT,
          "Courier JSON via message.class / Courier text worker CPU per record, " + s, null);
      ratio(cpuSection, byContender, Contender.COURIER_TEXT, Contender.MEMORY_TEXT,
          "Courier text / in-memory source task worker CPU per record, " + s, null);
    }
    for (Setting setting : options.settings()) {
      Map<Contender, List<Double>> r = rates.getOrDefault(setting, Map.of());
      String s = setting.name().toLowerCase(Locale.ROOT);
      ratio(section, r, Contender.COURIER_TEXT, Contender.FILE_STREAM_TEXT,
          "Courier text / FileStreamSource, " + s, 1.0);
      ratio(section, r, Contender.COURIER_TEXT, Contender.CEILING_TEXT, "Courier text / plain producer, " + s, 0.9);
      ratio(section, r, Contender.FILE_STREAM_TEXT, Contender.CEILING_TEXT,
          "FileStreamSource / plain producer, " + s, null);
      ratio(section, r, Contender.MEMORY_TEXT, Contender.CEILING_TEXT,
          "in-memory source task (Connect's floor) / plain producer, " + s, null);
      ratio(section, r, Contender.COURIER_TEXT, Contender.MEMORY_TEXT,
          "Courier text / in-memory source task (share of what Connect lets a connector reach), " + s, null);
      ratio(section, r, Contender.COURIER_JSON, Contender.COURIER_TEXT, "Courier JSON via message.class / Courier"
          + " text, " + s, 0.6);
      ratio(section, r, Contender.COURIER_JSON, Contender.CEILING_JSON, "Courier JSON / plain producer (keyed), "
          + s, null);
      ratio(section, r, Contender.COURIER_FILES, Contender.COURIER_TEXT, "Courier " + options.files()
          + " files, 2 tasks / Courier 1 file, " + s, 0.9);
    }
  }

  private static void ratio(Report.Section section, Map<Contender, List<Double>> rates, Contender numerator,
      Contender denominator, String label, Double target) {
    List<Double> top = rates.get(numerator);
    List<Double> bottom = rates.get(denominator);
    if (top == null || bottom == null) {
      return;
    }
    List<Double> perRound = new ArrayList<>();
    for (int i = 0; i < Math.min(top.size(), bottom.size()); i++) {
      perRound.add(top.get(i) / bottom.get(i));
    }
    section.ratio(label, new Samples(perRound), target, false);
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.producer;

import dev.courier.bench.model.SmallMessage;
import dev.courier.bench.model.SmallMessageProducer;
import dev.courier.bench.model.SmallMessageSerializer;
import dev.courier.bench.report.Report;
import dev.courier.bench.report.Samples;
import dev.courier.harness.EmbeddedKafka;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End to end through the in-process broker: the generated {@code SmallMessageProducer} against a plain
 * {@code KafkaProducer} with the same serializers and the same settings (the map the generated {@code create} builds,
 * {@code SETTINGS.merge(runtimeProperties)}), sending the same messages. A run creates the producer, sends
 * {@code records} messages asynchronously, flushes and checks that every send succeeded; its rate is records over
 * the time from the first send to the end of the flush. Runs alternate, after warm-up rounds; medians of the
 * per-round ratios.
 *
 * @param options what to run
 * @param log progress output
 */
public record ProducerBenchmark(Options options, PrintStream log) {
  private static final int DISTINCT_MESSAGES = 10_000;

  /**
   * What to run.
   *
   * @param records messages per run
   * @param rounds measured rounds
   * @param warmupRounds rounds run first and not counted
   * @param partitions partitions of the topic
   */
  public record Options(int records, int rounds, int warmupRounds, int partitions) {
  }

  /**
   * Runs it and adds the results to {@code report}.
   *
   * @param report the report
   */
  public void run(Report report) {
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      run(report, kafka);
    }
  }

  /**
   * Runs it against a given broker and adds the results to {@code report}.
   *
   * @param report the report
   * @param kafka the broker; the benchmark creates the topic {@code bench-small} on it
   */
  public void run(Report report, EmbeddedKafka kafka) {
    SmallMessage[] messages = new SmallMessage[DISTINCT_MESSAGES];
    for (int i = 0; i < messages.length; i++) {
      messages[i] = new SmallMessage(String.format("order-%08d", i), 1_000L + i, 1 + i % 9, i % 3 == 0, "EUR");
    }
    List<Double> generated = new ArrayList<>();
    List<Double> plain = new ArrayList<>();
    List<Double> generatedCpu = new ArrayList<>();
    List<Double> plainCpu = new ArrayList<>();
    kafka.createTopic(SmallMessageProducer.TOPIC, options.partitions());
    Map<String, Object> runtime = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    // What the generated create() builds: its settings, its serializers' class names, the runtime properties.
    Map<String, Object> effective = SmallMessageProducer.SETTINGS.toBuilder()
        .origin("the serializers of SmallMessageProducer")
        .property(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName())
        .property(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, SmallMessageSerializer.class.getName())
        .build()
        .merge(runtime);
    int total = options.warmupRounds() + options.rounds();
    for (int round = 0; round < total; round++) {
      boolean warmup = round < options.warmupRounds();
      boolean generatedFirst = round % 2 == 0;
      Run g = null;
      Run p = null;
      for (int turn = 0; turn < 2; turn++) {
        System.gc();
        if ((turn == 0) == generatedFirst) {
          g = sendGenerated(runtime, messages);
        } else {
          p = sendPlain(effective, messages);
        }
      }
      log.printf(Locale.ROOT, "  %s round %d/%d: generated %,.0f records/s (%.2f us CPU/record), plain KafkaProducer"
          + " %,.0f records/s (%.2f us CPU/record)%n", warmup ? "warm-up" : "measured", round + 1, total,
          g.recordsPerSecond, g.cpuMicrosPerRecord, p.recordsPerSecond, p.cpuMicrosPerRecord);
      if (!warmup) {
        generated.add(g.recordsPerSecond);
        plain.add(p.recordsPerSecond);
        generatedCpu.add(g.cpuMicrosPerRecord);
        plainCpu.add(p.cpuMicrosPerRecord);
      }
    }
    List<Double> ratios = new ArrayList<>();
    List<Double> cpuRatios = new ArrayList<>();
    for (int i = 0; i < generated.size(); i++) {
      ratios.add(generated.get(i) / plain.get(i));
      cpuRatios.add(generatedCpu.get(i) / plainCpu.get(i));
    }
    report.section("Generated producer vs KafkaProducer through the in-process broker", "records/s")
        .note(String.format(Locale.ROOT, "%,d SmallMessage records (about 90 B of JSON, String keys) per run into a"
            + " topic of %d partition(s) of the in-process broker; both send with a callback that counts failures,"
            + " then flush; median of %d alternating rounds after %d warm-up round(s). Settings of both: the"
            + " generated create()'s map, %s"
            + " (Kafka defaults otherwise).", options.records(), options.partitions(), options.rounds(),
            options.warmupRounds(), effective))
        .row("generated SmallMessageProducer.send(message, callback)", new Samples(generated))
        .row("plain KafkaProducer.send(record, callback)", new Samples(plain))
        .ratio("generated / plain KafkaProducer", new Samples(ratios), 0.95, false);
    report.section("Generated producer vs KafkaProducer: CPU per record", "us/record")
        .note("CPU time of this whole JVM (producer, serializer and the in-process broker) per record over the same"
            + " interval as the rate; less sensitive to other load on the machine. Lower is better.")
        .row("generated SmallMessageProducer", new Samples(generatedCpu))
        .row("plain KafkaProducer", new Samples(plainCpu))
        .ratio("generated / plain KafkaProducer, CPU per record", new Samples(cpuRatios), 1.05, true);
  }

  private record Run(double recordsPerSecond, double cpuMicrosPerRecord) {
  }

  private static long processCpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
  }

  private Run run(long started, long ended, long cpuStarted, long cpuEnded) {
    return new Run(options.records() / ((ended - started) / 1e9), (cpuEnded - cpuStarted) / 1e3 / options.records());
  }

  private Run sendGenerated(Map<String, Object> runtime, SmallMessage[] messages) {
    long failures;
    long started;
    long ended;
    long cpuStarted;
    long cpuEnded;
    AtomicLong failed = new AtomicLong();
    AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    try (SmallMessageProducer producer = SmallMessageProducer.create(runtime)) {
      producer.send(messages[0]).join();
      started = System.nanoTime();
      cpuStarted = processCpuNanos();
      for (int i = 0; i < options.records(); i++) {
        producer.send(messages[i % messages.length], (metadata, e) -> {
          if (e != null) {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, e);
          }
        });
      }
      producer.flush();
      ended = System.nanoTime();
      cpuEnded = processCpuNanos();
      failures = failed.get();
    }
    check(failures, firstFailure.get(), "generated");
    return run(started, ended, cpuStarted, cpuEnded);
  }

  private Run sendPlain(Map<String, Object> effective, SmallMessage[] messages) {
    long started;
    long ended;
    long cpuStarted;
    long cpuEnded;
    AtomicLong failed = new AtomicLong();
    AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    try (KafkaProducer<String, SmallMessage> producer = new KafkaProducer<>(effective, new StringSerializer(),
        new SmallMessageSerializer())) {
      try {
        producer.send(new ProducerRecord<>(SmallMessageProducer.TOPIC, messages[0].id(), messages[0])).get();
      } catch (Exception e) {
        throw new IllegalStateException("the plain producer cannot send", e);
      }
      started = System.nanoTime();
      cpuStarted = processCpuNanos();
      for (int i = 0; i < options.records(); i++) {
        SmallMessage message = messages[i % messages.length];
        producer.send(new ProducerRecord<>(SmallMessageProducer.TOPIC, message.id(), message), (metadata, e) -> {
          if (e != null) {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, e);
          }
        });
      }
      producer.flush();
      ended = System.nanoTime();
      cpuEnded = processCpuNanos();
    }
    check(failed.get(), firstFailure.get(), "plain");
    return run(started, ended, cpuStarted, cpuEnded);
  }

  private static void check(long failures, Throwable first, String which) {
    if (failures > 0) {
      throw new IllegalStateException(failures + " sends of the " + which + " producer failed", first);
    }
  }
}

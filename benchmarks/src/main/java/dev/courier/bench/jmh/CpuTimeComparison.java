/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.courier.bench.model.FireAndForgetMessage;
import dev.courier.bench.model.FireAndForgetMessageProducer;
import dev.courier.bench.model.FireAndForgetMessageSerializer;
import dev.courier.bench.model.LargeMessage;
import dev.courier.bench.model.LargeMessageDeserializer;
import dev.courier.bench.model.LargeMessageSerializer;
import dev.courier.bench.model.MediumMessage;
import dev.courier.bench.model.MediumMessageDeserializer;
import dev.courier.bench.model.MediumMessageSerializer;
import dev.courier.bench.model.SmallMessage;
import dev.courier.bench.model.SmallMessageDeserializer;
import dev.courier.bench.model.SmallMessageProducer;
import dev.courier.bench.model.SmallMessageSerializer;
import dev.courier.bench.model.SyncMessage;
import dev.courier.bench.model.SyncMessageProducer;
import dev.courier.bench.model.SyncMessageSerializer;
import dev.courier.bench.model.WideMessageDeserializer;
import dev.courier.bench.model.WideMessageSerializer;
import dev.courier.bench.report.Report;
import dev.courier.bench.report.Samples;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The same comparisons as the JMH benchmarks, measured so that a machine shared with other work still gives usable
 * ratios: every operation runs in one thread in slices of {@code sliceMillis} of that thread's CPU time, the
 * operations of a comparison take turns (order rotating each round), and each slice records the thread's CPU time
 * and allocated bytes per operation ({@code ThreadMXBean}), which time-slicing by other processes hardly changes.
 * Ratios are medians of per-round ratios. The JMH run remains the reference on a quiet machine.
 *
 * <p>Each operation is its own lambda around the concrete serializer or producer, so each call site sees one type, as
 * in JMH's separate forks. Results are consumed so the JIT cannot drop the work.
 */
public final class CpuTimeComparison {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final String SKIP_FIVE = "5 unknown members, skipped";
  private static final String READ_FIVE = "the same bytes, the 5 members known";
  private static final String NO_UNKNOWN = "no unknown members";

  /**
   * What to run.
   *
   * @param rounds measured rounds
   * @param warmupRounds rounds run first and not counted
   * @param sliceMillis CPU time per operation per round
   */
  public record Options(int rounds, int warmupRounds, int sliceMillis) {
  }

  private record Op(String name, Supplier<Object> body) {
  }

  private record Slice(double cpuNanosPerOp, double bytesPerOp) {
  }

  private final Options options;
  private final PrintStream log;
  private long sink;

  /**
   * A comparison run.
   *
   * @param options what to run
   * @param log progress output
   */
  public CpuTimeComparison(Options options, PrintStream log) {
    this.options = options;
    this.log = log;
  }

  /**
   * Runs every comparison and adds the results to {@code report}.
   *
   * @param report the report
   */
  public void run(Report report) {
    if (!THREADS.isCurrentThreadCpuTimeSupported() || !THREADS.isThreadAllocatedMemorySupported()) {
      throw new IllegalStateException("this JVM cannot measure thread CPU time and allocation");
    }
    THREADS.setThreadCpuTimeEnabled(true);
    THREADS.setThreadAllocatedMemoryEnabled(true);
    String note = String.format(Locale.ROOT, "One thread, operations taking turns in slices of %d ms of thread CPU"
        + " time, %d measured rounds after %d warm-up round(s); CPU ns per operation and bytes allocated per operation"
        + " from ThreadMXBean; ratios are medians of per-round ratios, as speed (baseline CPU / ours), so > 1 means"
        + " ours is faster.", options.sliceMillis(), options.rounds(), options.warmupRounds());

    Map<String, List<Slice>> serialization = measure(serializationOps());
    Report.Section ser = report.section("Serialization (interleaved, CPU time)", "CPU ns/op").note(note);
    for (String size : List.of("small", "medium", "large")) {
      for (String method : List.of("generated", "databind", "handWritten", "dsl-json")) {
        row(ser, serialization, "serialize " + size + ", " + method);
      }
    }
    for (String size : List.of("small", "medium", "large")) {
      speed(ser, serialization, "serialize " + size + ", generated", "serialize " + size + ", databind",
          "serialize " + size + ": generated vs databind", 2.0);
      alloc(ser, serialization, "serialize " + size + ", generated", "serialize " + size + ", databind",
          "serialize " + size + ": generated / databind");
      speed(ser, serialization, "serialize " + size + ", generated", "serialize " + size + ", handWritten",
          "serialize " + size + ": generated vs hand-written jackson-core", null);
      speed(ser, serialization, "serialize " + size + ", dsl-json", "serialize " + size + ", databind",
          "serialize " + size + ": DSL-JSON hand-written codec vs databind", null);
      speed(ser, serialization, "serialize " + size + ", generated", "serialize " + size + ", dsl-json",
          "serialize " + size + ": generated vs DSL-JSON hand-written codec", null);
    }

    Map<String, List<Slice>> deserialization = measure(deserializationOps());
    Report.Section de = report.section("Deserialization (interleaved, CPU time)", "CPU ns/op").note(note);
    for (String size : List.of("small", "medium", "large")) {
      for (String method : List.of("generated", "databind", "tokens only", "dsl-json")) {
        row(de, deserialization, "deserialize " + size + ", " + method);
      }
    }
    for (String size : List.of("small", "medium", "large")) {
      speed(de, deserialization, "deserialize " + size + ", generated", "deserialize " + size + ", databind",
          "deserialize " + size + ": generated vs databind", 1.5);
      alloc(de, deserialization, "deserialize " + size + ", generated", "deserialize " + size + ", databind",
          "deserialize " + size + ": generated / databind");
      speed(de, deserialization, "deserialize " + size + ", tokens only", "deserialize " + size + ", databind",
          "deserialize " + size + ": jackson-core tokens only vs databind (the most a jackson-core reader can gain)",
          null);
      speed(de, deserialization, "deserialize " + size + ", dsl-json", "deserialize " + size + ", databind",
          "deserialize " + size + ": DSL-JSON hand-written codec vs databind", null);
      speed(de, deserialization, "deserialize " + size + ", generated", "deserialize " + size + ", dsl-json",
          "deserialize " + size + ": generated vs DSL-JSON hand-written codec", null);
    }

    Map<String, List<Slice>> unknownMembers = measure(unknownMemberOps());
    Report.Section unknown = report.section("Unknown members (interleaved, CPU time)", "CPU ns/op").note(note)
        .note("SmallMessage's generated reader on a WideMessage record (SmallMessage's five members, then five it does"
            + " not have: a string with escapes, a long, an instant, a list, a nested object), WideMessage's reader"
            + " on the same bytes, and SmallMessage's reader on a SmallMessage record.");
    for (String name : List.of(SKIP_FIVE, READ_FIVE, NO_UNKNOWN)) {
      row(unknown, unknownMembers, name);
    }
    speed(unknown, unknownMembers, SKIP_FIVE, READ_FIVE, "skipping 5 members vs reading them", 1.0);
    alloc(unknown, unknownMembers, SKIP_FIVE, READ_FIVE, "skipping 5 members / reading them");
    speed(unknown, unknownMembers, SKIP_FIVE, NO_UNKNOWN, "5 unknown members skipped vs none", null);

    Report.Section send = report.section("Send path on a no-op Producer (interleaved, CPU time)", "CPU ns/op")
        .note(note);
    for (boolean serialize : List.of(false, true)) {
      String suffix = serialize ? ", serializing" : ", not serializing";
      Map<String, List<Slice>> sends = measure(sendOps(serialize));
      for (String op : sends.keySet()) {
        row(send, sends, op);
      }
      for (String mode : List.of("async", "sync", "fireAndForget")) {
        speed(send, sends, mode + " generated" + suffix, mode + " hand-written" + suffix,
            mode + ": generated vs hand-written" + suffix, 0.95);
      }
      speed(send, sends, "async generated" + suffix, "bare send(record)" + suffix,
          "async generated vs bare send(record)" + suffix, null);
    }
    log.println("  (checksum " + sink + ")");
  }

  private Map<String, List<Slice>> measure(List<Op> ops) {
    // Calibrate: how many operations make about 0.1 ms, so reading the clocks costs nothing measurable.
    Map<String, Integer> batches = new LinkedHashMap<>();
    for (Op op : ops) {
      long start = THREADS.getCurrentThreadCpuTime();
      int n = 0;
      while (THREADS.getCurrentThreadCpuTime() - start < 20_000_000L) {
        consume(op.body.get());
        n++;
      }
      long perOp = Math.max(1, (THREADS.getCurrentThreadCpuTime() - start) / n);
      batches.put(op.name, (int) Math.max(1, Math.min(100_000, 100_000 / perOp)));
    }
    Map<String, List<Slice>> results = new LinkedHashMap<>();
    List<Op> order = new ArrayList<>(ops);
    int total = options.warmupRounds() + options.rounds();
    for (int round = 0; round < total; round++) {
      Collections.rotate(order, 1);
      for (Op op : order) {
        Slice slice = slice(op, batches.get(op.name));
        if (round >= options.warmupRounds()) {
          results.computeIfAbsent(op.name, k -> new ArrayList<>()).add(slice);
        }
      }
    }
    for (Op op : ops) {
      List<Slice> slices = results.get(op.name);
      log.printf(Locale.ROOT, "  %s: %.0f CPU ns/op, %.0f B/op%n", op.name,
          Samples.median(slices.stream().map(Slice::cpuNanosPerOp).toList()),
          Samples.median(slices.stream().map(Slice::bytesPerOp).toList()));
    }
    return results;
  }

  private Slice slice(Op op, int batch) {
    long sliceNanos = options.sliceMillis() * 1_000_000L;
    long allocStart = THREADS.getCurrentThreadAllocatedBytes();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    long cpu;
    long count = 0;
    do {
      for (int i = 0; i < batch; i++) {
        consume(op.body.get());
      }
      count += batch;
      cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
    } while (cpu < sliceNanos);
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocStart;
    return new Slice((double) cpu / count, (double) allocated / count);
  }

  private void consume(Object result) {
    if (result instanceof byte[] bytes) {
      sink += bytes.length;
    } else if (result != null) {
      sink++;
    }
  }

  private static void row(Report.Section section, Map<String, List<Slice>> results, String name) {
    List<Slice> slices = results.get(name);
    if (slices != null) {
      section.row(name + String.format(Locale.ROOT, " (%.0f B/op)",
          Samples.median(slices.stream().map(Slice::bytesPerOp).toList())),
          new Samples(slices.stream().map(Slice::cpuNanosPerOp).toList()));
    }
  }

  private static void speed(Report.Section section, Map<String, List<Slice>> results, String ours, String baseline,
      String label, Double target) {
    List<Slice> a = results.get(ours);
    List<Slice> b = results.get(baseline);
    List<Double> perRound = new ArrayList<>();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      perRound.add(b.get(i).cpuNanosPerOp() / a.get(i).cpuNanosPerOp());
    }
    section.ratio(label + " (speed)", new Samples(perRound), target, false);
  }

  private static void alloc(Report.Section section, Map<String, List<Slice>> results, String ours, String baseline,
      String label) {
    List<Slice> a = results.get(ours);
    List<Slice> b = results.get(baseline);
    List<Double> perRound = new ArrayList<>();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      perRound.add(a.get(i).bytesPerOp() / b.get(i).bytesPerOp());
    }
    section.ratio(label + " (B/op)", new Samples(perRound), 1.0, true);
  }

  private static List<Op> serializationOps() {
    ObjectMapper databind = new ObjectMapper();
    SmallMessage small = Messages.small();
    MediumMessage medium = Messages.medium();
    LargeMessage large = Messages.large();
    SmallMessageSerializer smallSerializer = new SmallMessageSerializer();
    MediumMessageSerializer mediumSerializer = new MediumMessageSerializer();
    LargeMessageSerializer largeSerializer = new LargeMessageSerializer();
    try {
      SameJson.check("small", databind, smallSerializer.serialize("bench", small), databind.writeValueAsBytes(small),
          HandWrittenJson.write(small));
      SameJson.check("medium", databind, mediumSerializer.serialize("bench", medium),
          databind.writeValueAsBytes(medium), HandWrittenJson.write(medium));
      SameJson.check("large", databind, largeSerializer.serialize("bench", large), databind.writeValueAsBytes(large),
          HandWrittenJson.write(large));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The DSL-JSON codec must write the generated serializers' bytes exactly, not only the same JSON.
    sameBytes("small", smallSerializer.serialize("bench", small), DslJsonCodec.write(small));
    sameBytes("medium", mediumSerializer.serialize("bench", medium), DslJsonCodec.write(medium));
    sameBytes("large", largeSerializer.serialize("bench", large), DslJsonCodec.write(large));
    return List.of(
        new Op("serialize small, generated", () -> smallSerializer.serialize("bench", small)),
        new Op("serialize small, databind", () -> write(databind, small)),
        new Op("serialize small, handWritten", () -> HandWrittenJson.write(small)),
        new Op("serialize medium, generated", () -> mediumSerializer.serialize("bench", medium)),
        new Op("serialize medium, databind", () -> write(databind, medium)),
        new Op("serialize medium, handWritten", () -> HandWrittenJson.write(medium)),
        new Op("serialize large, generated", () -> largeSerializer.serialize("bench", large)),
        new Op("serialize large, databind", () -> write(databind, large)),
        new Op("serialize large, handWritten", () -> HandWrittenJson.write(large)),
        new Op("serialize small, dsl-json", () -> DslJsonCodec.write(small)),
        new Op("serialize medium, dsl-json", () -> DslJsonCodec.write(medium)),
        new Op("serialize large, dsl-json", () -> DslJsonCodec.write(large)));
  }

  private static List<Op> unknownMemberOps() {
    byte[] wide = new WideMessageSerializer().serialize("bench", Messages.wide());
    byte[] small = new SmallMessageSerializer().serialize("bench", Messages.small());
    SmallMessageDeserializer smallReader = new SmallMessageDeserializer();
    WideMessageDeserializer wideReader = new WideMessageDeserializer();
    if (!Messages.small().equals(smallReader.deserialize("bench", wide))
        || !Messages.wide().equals(wideReader.deserialize("bench", wide))) {
      throw new IllegalStateException("a reader does not return the expected message");
    }
    return List.of(
        new Op(SKIP_FIVE, () -> smallReader.deserialize("bench", wide)),
        new Op(READ_FIVE, () -> wideReader.deserialize("bench", wide)),
        new Op(NO_UNKNOWN, () -> smallReader.deserialize("bench", small)));
  }

  private static List<Op> deserializationOps() {
    ObjectMapper databind = new ObjectMapper();
    byte[] small = new SmallMessageSerializer().serialize("bench", Messages.small());
    byte[] medium = new MediumMessageSerializer().serialize("bench", Messages.medium());
    byte[] large = new LargeMessageSerializer().serialize("bench", Messages.large());
    SmallMessageDeserializer smallReader = new SmallMessageDeserializer();
    MediumMessageDeserializer mediumReader = new MediumMessageDeserializer();
    LargeMessageDeserializer largeReader = new LargeMessageDeserializer();
    if (!Messages.small().equals(smallReader.deserialize("bench", small))
        || !Messages.small().equals(read(databind, small, SmallMessage.class))
        || !Messages.medium().equals(mediumReader.deserialize("bench", medium))
        || !Messages.medium().equals(read(databind, medium, MediumMessage.class))
        || !Messages.large().equals(largeReader.deserialize("bench", large))
        || !Messages.large().equals(read(databind, large, LargeMessage.class))
        || !Messages.small().equals(DslJsonCodec.readSmall(small))
        || !Messages.medium().equals(DslJsonCodec.readMedium(medium))
        || !Messages.large().equals(DslJsonCodec.readLarge(large))) {
      throw new IllegalStateException("a reader does not return the message it was given");
    }
    return List.of(
        new Op("deserialize small, generated", () -> smallReader.deserialize("bench", small)),
        new Op("deserialize small, databind", () -> read(databind, small, SmallMessage.class)),
        new Op("deserialize medium, generated", () -> mediumReader.deserialize("bench", medium)),
        new Op("deserialize medium, databind", () -> read(databind, medium, MediumMessage.class)),
        new Op("deserialize large, generated", () -> largeReader.deserialize("bench", large)),
        new Op("deserialize large, databind", () -> read(databind, large, LargeMessage.class)),
        new Op("deserialize small, tokens only", () -> TokensOnly.read(small)),
        new Op("deserialize medium, tokens only", () -> TokensOnly.read(medium)),
        new Op("deserialize large, tokens only", () -> TokensOnly.read(large)),
        new Op("deserialize small, dsl-json", () -> DslJsonCodec.readSmall(small)),
        new Op("deserialize medium, dsl-json", () -> DslJsonCodec.readMedium(medium)),
        new Op("deserialize large, dsl-json", () -> DslJsonCodec.readLarge(large)));
  }

  private static List<Op> sendOps(boolean serialize) {
    String suffix = serialize ? ", serializing" : ", not serializing";
    SmallMessage async = Messages.small();
    SyncMessage sync = new SyncMessage(async.id(), async.amountCents(), async.quantity(), async.express(),
        async.currency());
    FireAndForgetMessage fire = new FireAndForgetMessage(async.id(), async.amountCents(), async.quantity(),
        async.express(), async.currency());
    NoopProducer<String, SmallMessage> asyncNoop = serialize
        ? new NoopProducer<>(new StringSerializer(), new SmallMessageSerializer()) : new NoopProducer<>(null, null);
    NoopProducer<String, SyncMessage> syncNoop = serialize
        ? new NoopProducer<>(new StringSerializer(), new SyncMessageSerializer()) : new NoopProducer<>(null, null);
    NoopProducer<String, FireAndForgetMessage> fireNoop = serialize
        ? new NoopProducer<>(new StringSerializer(), new FireAndForgetMessageSerializer())
        : new NoopProducer<>(null, null);
    SmallMessageProducer asyncGenerated = new SmallMessageProducer(asyncNoop);
    SyncMessageProducer syncGenerated = new SyncMessageProducer(syncNoop);
    FireAndForgetMessageProducer fireGenerated = new FireAndForgetMessageProducer(fireNoop);
    AtomicLong errors = new AtomicLong();
    return List.of(
        new Op("async generated" + suffix, () -> asyncGenerated.send(async)),
        new Op("async hand-written" + suffix, () -> {
          CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
          try {
            asyncNoop.send(new ProducerRecord<>("bench-small", async.id(), async), (metadata, exception) -> {
              if (exception == null) {
                result.complete(metadata);
              } else {
                result.completeExceptionally(new KafkaException("cannot send " + async.id(), exception));
              }
            });
          } catch (RuntimeException e) {
            result.completeExceptionally(new KafkaException("cannot send " + async.id(), e));
          }
          return result;
        }),
        new Op("sync generated" + suffix, () -> syncGenerated.send(sync)),
        new Op("sync hand-written" + suffix, () -> {
          try {
            return syncNoop.send(new ProducerRecord<>("bench-sync", sync.id(), sync)).get();
          } catch (ExecutionException e) {
            throw new KafkaException("cannot send " + sync.id(), e.getCause());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while sending " + sync.id(), e);
          }
        }),
        new Op("fireAndForget generated" + suffix, () -> {
          fireGenerated.send(fire);
          return null;
        }),
        new Op("fireAndForget hand-written" + suffix, () -> {
          try {
            fireNoop.send(new ProducerRecord<>("bench-fire-and-forget", fire.id(), fire), (metadata, exception) -> {
              if (exception != null) {
                errors.incrementAndGet();
              }
            });
          } catch (RuntimeException e) {
            errors.incrementAndGet();
          }
          return null;
        }),
        new Op("bare send(record)" + suffix,
            () -> asyncNoop.send(new ProducerRecord<>("bench-small", async.id(), async))));
  }

  private static void sameBytes(String size, byte[] generated, byte[] other) {
    if (!Arrays.equals(generated, other)) {
      throw new IllegalStateException("the DSL-JSON codec does not write the generated serializer's bytes for the "
          + size + " message:\n  generated: " + new String(generated, StandardCharsets.UTF_8) + "\n  dsl-json:  "
          + new String(other, StandardCharsets.UTF_8));
    }
  }

  private static byte[] write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object read(ObjectMapper mapper, byte[] json, Class<?> type) {
    try {
      return mapper.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

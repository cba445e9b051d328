/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.demo;

import static dev.courier.examples.demo.DemoReport.perSecond;
import static dev.courier.examples.demo.DemoReport.seconds;

import dev.courier.examples.orders.OrderPlaced;
import dev.courier.examples.orders.OrderPlacedAsync;
import dev.courier.examples.orders.OrderPlacedAsyncProducer;
import dev.courier.examples.orders.OrderPlacedDeserializer;
import dev.courier.examples.orders.OrderPlacedFireAndForget;
import dev.courier.examples.orders.OrderPlacedFireAndForgetProducer;
import dev.courier.examples.orders.OrderPlacedProducer;
import dev.courier.harness.ConnectorStatus;
import dev.courier.harness.EmbeddedConnect;
import dev.courier.runtime.SharedProducers;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The demo's two paths to topic {@code orders} and what came back of them (steps 1 and 2 of {@link Demo}). It stages
 * the sample file for {@code FileSourceConnector}, deploys the connector and reads until every sample key has
 * arrived, with a progress line; then sends the first orders again through the generated producers, a share per send
 * mode ({@code SYNC}, {@code ASYNC}, {@code FIRE_AND_FORGET}), and reads those back too. It keeps every record it
 * read ({@link ReadBack}), enters each in a {@link DeliveryLedger} under the path that wrote it, times both paths,
 * and compares them key by key into a {@link DemoResult}. It runs on a broker and worker that it is given; it starts
 * and stops nothing but its own producers and consumer.
 */
final class DemoRun {
  /** The path name of the records the connector wrote; the producers' paths are named by their send mode. */
  static final String CONNECTOR_SOURCE = "connector";

  private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final String SYNC = "SYNC";
  private static final String ASYNC = "ASYNC";
  private static final String FIRE_AND_FORGET = "FIRE_AND_FORGET";

  private final DemoOptions options;
  private final PrintStream out;
  private final boolean terminal;

  /** Every record read back from this run, in the order read. */
  final List<ReadBack> reads = new ArrayList<>();
  /** Per send mode, nanoseconds from its producer's creation to its last acknowledgement (or flush). */
  final Map<String, Long> sendNanos = new LinkedHashMap<>();
  private final AtomicLong fireAndForgetFailures = new AtomicLong();
  /** Nanoseconds from the connector's task running to its last sample key read back. */
  long streamNanos;
  /** Records read while the connector streamed. */
  int connectorReads;
  /** The orders the producers send, {@link DemoOptions#perSendMode()} per send mode in the order above. */
  List<OrderPlaced> orders = List.of();
  private DeliveryLedger ledger;
  /** What the Schema Registry step found wrong; empty when it passed or did not run. */
  List<String> registryProblems = List.of();
  /** What the outbox step found wrong; empty when it passed. */
  List<String> outboxProblems = List.of();

  /**
   * Creates a run.
   *
   * @param options the sizes
   * @param out where it prints
   * @param terminal whether {@code out} is a console, where the progress line rewrites itself
   */
  DemoRun(DemoOptions options, PrintStream out, boolean terminal) {
    this.options = options;
    this.out = out;
    this.terminal = terminal;
  }

  /**
   * Steps 1 and 2: streams the sample through the connector, sends its first orders through the generated producers,
   * and reads back everything this run writes (only that: the consumer starts at the end of each partition).
   *
   * @param bootstrap the cluster
   * @param connect the worker that runs the connector
   * @param partitions topic {@code orders}' partition count
   * @param work the working directory, with {@code in}, {@code done} and {@code staging} in it
   */
  void execute(String bootstrap, EmbeddedConnect connect, int partitions, Path work) {
    List<String> sample = Demo.sampleLines(options.records());
    orders = sample.subList(0, 3 * options.perSendMode()).stream().map(DemoRun::parse).toList();
    ledger = new DeliveryLedger(expectedKeys(sample));
    try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
      readFromEnd(consumer, OrderPlacedProducer.TOPIC, partitions);

      out.printf("1. FileSourceConnector streams %d orders from %s%n", sample.size(), Demo.SAMPLE);
      out.printf("   message.class=%s: topic, key, trace-id header and timestamp from its descriptor%n",
          OrderPlaced.class.getName());
      Path input = stage(work, sample);
      long t = System.nanoTime();
      connect.createOrUpdateConnector(Demo.CONNECTOR, connectorConfig(work));
      connect.awaitConnectorAndTasksRunning(Demo.CONNECTOR, 1, Duration.ofSeconds(60));
      out.printf("   deployed; connector and task running after %s%n", seconds(System.nanoTime() - t));
      streamConnector(connect, consumer, sample.size(), input, System.nanoTime());
      connectorReads = reads.size();
      out.printf("   streamed %d records in %s (%s), in transactions of one poll each%n", connectorReads,
          seconds(streamNanos), perSecond(connectorReads, streamNanos));
      out.println();

      out.printf("2. The generated producers send the first %d of the same orders again, %d per send mode%n",
          orders.size(), options.perSendMode());
      // One SharedProducers for the application's types: those whose settings agree share a KafkaProducer.
      try (SharedProducers producers = SharedProducers.create(producerProperties(bootstrap))) {
        sendSync(producers, orders.subList(0, options.perSendMode()));
        sendAsync(producers, orders.subList(options.perSendMode(), 2 * options.perSendMode()));
        sendFireAndForget(producers, orders.subList(2 * options.perSendMode(), orders.size()));
        out.println("   " + producers.describe().replace("\n", "\n   "));
      }
      out.println();

      readRest(consumer);
    }
  }

  /**
   * Assigns a consumer every partition of a topic at its current end, so that it reads only what is written after.
   *
   * @param consumer the consumer
   * @param topic the topic
   * @param partitions the topic's partition count
   */
  static void readFromEnd(KafkaConsumer<?, ?> consumer, String topic, int partitions) {
    List<TopicPartition> assignment = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      assignment.add(new TopicPartition(topic, p));
    }
    consumer.assign(assignment);
    consumer.seekToEnd(assignment);
    assignment.forEach(consumer::position); // seekToEnd is lazy: fix the positions now, before anything is written
  }

  /** Per path, the keys it sends: every sample order from the connector, a third of the orders per send mode. */
  private Map<String, Set<String>> expectedKeys(List<String> sample) {
    Map<String, Set<String>> expected = new LinkedHashMap<>();
    expected.put(CONNECTOR_SOURCE, sample.stream().map(line -> parse(line).orderId()).collect(Collectors.toSet()));
    int per = options.perSendMode();
    List<String> modes = List.of(SYNC, ASYNC, FIRE_AND_FORGET);
    for (int mode = 0; mode < modes.size(); mode++) {
      expected.put(modes.get(mode), orders.subList(mode * per, (mode + 1) * per).stream()
          .map(OrderPlaced::orderId).collect(Collectors.toSet()));
    }
    return expected;
  }

  /** Keeps a record read back and enters it in the ledger under the path that wrote it. */
  private void read(String source, ConsumerRecord<String, byte[]> record) {
    reads.add(new ReadBack(source, record));
    ledger.record(source, record.key(), "partition " + record.partition() + " offset " + record.offset());
  }

  /** Reads until the connector's records are all there; the rate counts from {@code running}, the task's start. */
  private void streamConnector(EmbeddedConnect connect, KafkaConsumer<String, byte[]> consumer, int expected,
      Path input, long running) {
    long deadline = System.nanoTime() + STREAM_TIMEOUT.toNanos();
    long lastPrint = 0;
    long lastStatus = System.nanoTime();
    boolean first = true;
    // Until every sample key has arrived: a count of records would stop early on a duplicate.
    while (!ledger.complete(CONNECTOR_SOURCE)) {
      if (System.nanoTime() > deadline) {
        throw new DemoException("the connector streamed " + ledger.distinctKeys(CONNECTOR_SOURCE) + " of "
            + expected + " orders (" + reads.size() + " records) in "
            + STREAM_TIMEOUT.toSeconds() + " s; its status: " + connect.status(Demo.CONNECTOR).describe());
      }
      for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
        read(CONNECTOR_SOURCE, record);
      }
      long now = System.nanoTime();
      if (now - lastStatus > TimeUnit.SECONDS.toNanos(2)) {
        lastStatus = now;
        ConnectorStatus status = connect.status(Demo.CONNECTOR);
        if (status.hasFailed()) {
          throw new DemoException("the connector failed after " + reads.size() + " of " + expected
              + " records:\n" + status.describe());
        }
      }
      if (!reads.isEmpty()
          && (first || now - lastPrint > TimeUnit.MILLISECONDS.toNanos(terminal ? 100 : 500)
              || ledger.complete(CONNECTOR_SOURCE))) {
        first = false;
        lastPrint = now;
        String line = String.format("   streaming %s: %d/%d records, %s", input.getFileName(),
            ledger.distinctKeys(CONNECTOR_SOURCE), expected, perSecond(reads.size(), now - running));
        if (terminal) {
          out.print("\r" + line + "   ");
        } else {
          out.println(line);
        }
      }
    }
    if (terminal) {
      out.println();
    }
    streamNanos = System.nanoTime() - running;
  }

  private void sendSync(SharedProducers producers, List<OrderPlaced> batch) {
    long t = System.nanoTime();
    try (OrderPlacedProducer producer = OrderPlacedProducer.create(producers)) {
      for (OrderPlaced order : batch) {
        producer.send(order); // returns once the broker acknowledged it, or throws SendException
      }
    }
    done(SYNC, OrderPlacedProducer.class, batch.size(), System.nanoTime() - t, "each acknowledged before the next");
  }

  private void sendAsync(SharedProducers producers, List<OrderPlaced> batch) {
    long t = System.nanoTime();
    try (OrderPlacedAsyncProducer producer = OrderPlacedAsyncProducer.create(producers)) {
      List<CompletableFuture<?>> futures = new ArrayList<>();
      for (OrderPlaced order : batch) {
        futures.add(producer.send(asAsync(order)));
      }
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new DemoException("an ASYNC send failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new DemoException("the ASYNC sends were not acknowledged within 60 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoException("interrupted", e);
    }
    done(ASYNC, OrderPlacedAsyncProducer.class, batch.size(), System.nanoTime() - t, "futures completed");
  }

  private void sendFireAndForget(SharedProducers producers, List<OrderPlaced> batch) {
    long t = System.nanoTime();
    try (OrderPlacedFireAndForgetProducer producer = OrderPlacedFireAndForgetProducer.create(
        producers, (topic, key, message, exception) -> {
          fireAndForgetFailures.incrementAndGet();
          out.printf("   FIRE_AND_FORGET send of %s failed: %s%n", key, exception);
        })) {
      for (OrderPlaced order : batch) {
        producer.send(asFireAndForget(order));
      }
      producer.flush();
    }
    done(FIRE_AND_FORGET, OrderPlacedFireAndForgetProducer.class, batch.size(), System.nanoTime() - t,
        fireAndForgetFailures.get() + " failed");
  }

  private void done(String mode, Class<?> producer, int count, long nanos, String note) {
    sendNanos.put(mode, nanos);
    out.printf("   %-15s %-33s %4d records in %s (%s), %s%n", mode, producer.getSimpleName(), count,
        seconds(nanos), perSecond(count, nanos), note);
  }

  /**
   * Reads what the producers sent. Every record after the connector's is labelled by the send mode that was to send
   * its key, so a late record of the connector shows as a duplicate or as unexpected, never as a producer's.
   */
  private void readRest(KafkaConsumer<String, byte[]> consumer) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!(ledger.complete(SYNC) && ledger.complete(ASYNC) && ledger.complete(FIRE_AND_FORGET))
        && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
        read(modeOf(record.key()), record);
      }
    }
    // A little longer, to see any record beyond what was expected (a duplicate would be one).
    long grace = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
    while (System.nanoTime() < grace) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
        read(modeOf(record.key()), record);
      }
    }
  }

  private String modeOf(String key) {
    for (int i = 0; i < orders.size(); i++) {
      if (orders.get(i).orderId().equals(key)) {
        int mode = i / options.perSendMode();
        return mode == 0 ? SYNC : mode == 1 ? ASYNC : FIRE_AND_FORGET;
      }
    }
    return "no send mode";
  }

  /**
   * Compares the two paths key by key: for each key both wrote, the same partition, value bytes, timestamp and
   * {@code trace-id} header.
   *
   * @param lingering threads left after shutdown, passed through to the result
   * @param generated where the generated sources are, or {@code null}; passed through
   * @return what this run found
   */
  DemoResult result(List<String> lingering, String generated) {
    Map<String, List<ReadBack>> byKey = reads.stream().collect(
        Collectors.groupingBy(r -> String.valueOf(r.key), LinkedHashMap::new, Collectors.toList()));
    long both = 0;
    long samePartition = 0;
    long sameBytes = 0;
    long sameMeta = 0;
    for (List<ReadBack> group : byKey.values()) {
      ReadBack fromConnector = group.stream().filter(r -> r.source.equals(CONNECTOR_SOURCE)).findFirst().orElse(null);
      List<ReadBack> fromProducers = group.stream().filter(r -> !r.source.equals(CONNECTOR_SOURCE)).toList();
      if (fromConnector == null || fromProducers.isEmpty()) {
        continue;
      }
      both++;
      if (group.stream().allMatch(r -> r.partition == fromConnector.partition)) {
        samePartition++;
      }
      if (group.stream().allMatch(r -> Arrays.equals(r.value, fromConnector.value))) {
        sameBytes++;
      }
      if (group.stream().allMatch(r -> r.timestamp == fromConnector.timestamp
          && Arrays.equals(r.traceId, fromConnector.traceId))) {
        sameMeta++;
      }
    }
    Map<String, Long> producerRecords = new LinkedHashMap<>();
    for (String mode : List.of(SYNC, ASYNC, FIRE_AND_FORGET)) {
      producerRecords.put(mode, reads.stream().filter(r -> r.source.equals(mode)).count());
    }
    List<String> unreadable = reads.stream().filter(r -> r.error != null)
        .map(r -> "partition " + r.partition + " offset " + r.offset + ": " + r.error).toList();
    long fromConnector = reads.stream().filter(r -> r.source.equals(CONNECTOR_SOURCE)).count();
    return new DemoResult(fromConnector, producerRecords, fireAndForgetFailures.get(), ledger.duplicates(),
        ledger.unexpected(), both, samePartition, sameBytes, sameMeta, unreadable, lingering, generated,
        registryProblems, outboxProblems);
  }

  private Map<String, String> connectorConfig(Path work) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", "dev.courier.connect.file.FileSourceConnector");
    config.put("tasks.max", "1");
    config.put("input.paths", work.resolve("in").toString());
    config.put("input.file.pattern", ".*\\.jsonl");
    config.put("format", "json");
    config.put("mode", "spool");
    config.put("spool.finished.action", "move");
    config.put("spool.finished.path", work.resolve("done").toString());
    config.put("spool.min.file.age.ms", "0"); // the file is moved into the input directory whole
    config.put("message.class", OrderPlaced.class.getName());
    config.put("bad.record.policy", "fail");
    // The records hold the generated producer's key, value and header bytes; ByteArrayConverter writes them as they are.
    config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("exactly.once.support", "required");
    config.put("transaction.boundary", "poll");
    // OrderPlaced fixes acks=all and idempotence: the connector's producer must use them too (validate() checks).
    config.put("producer.override.acks", "all");
    config.put("producer.override.enable.idempotence", "true");
    config.put("producer.override.linger.ms", "20");
    config.put("producer.override.batch.size", "262144");
    return config;
  }

  private static Map<String, Object> producerProperties(String bootstrap) {
    return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.CLIENT_ID_CONFIG, "courier-demo");
  }

  private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.CLIENT_ID_CONFIG, "courier-demo-reader",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static OrderPlacedAsync asAsync(OrderPlaced o) {
    return new OrderPlacedAsync(o.orderId(), o.customerId(), o.channel(), o.lines(), o.shipTo(), o.totalCents(),
        o.currency(), o.traceId(), o.placedAt());
  }

  private static OrderPlacedFireAndForget asFireAndForget(OrderPlaced o) {
    return new OrderPlacedFireAndForget(o.orderId(), o.customerId(), o.channel(), o.lines(), o.shipTo(),
        o.totalCents(), o.currency(), o.traceId(), o.placedAt());
  }

  private static OrderPlaced parse(String line) {
    return new OrderPlacedDeserializer().deserialize(OrderPlacedProducer.TOPIC, line.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes the lines in a staging directory, then moves the whole file into the input directory. */
  private static Path stage(Path work, List<String> lines) {
    try {
      Path staged = work.resolve("staging").resolve("orders.jsonl");
      Files.write(staged, lines, StandardCharsets.UTF_8);
      return Files.move(staged, work.resolve("in").resolve("orders.jsonl"), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

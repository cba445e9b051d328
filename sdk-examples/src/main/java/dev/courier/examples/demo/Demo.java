/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.demo;

import dev.courier.examples.app.AppException;
import dev.courier.examples.orders.OrderPlaced;
import dev.courier.examples.orders.OrderPlacedAsync;
import dev.courier.examples.orders.OrderPlacedAsyncProducer;
import dev.courier.examples.orders.OrderPlacedDeserializer;
import dev.courier.examples.orders.OrderPlacedFireAndForget;
import dev.courier.examples.orders.OrderPlacedFireAndForgetProducer;
import dev.courier.examples.orders.OrderPlacedProducer;
import dev.courier.harness.ConnectorStatus;
import dev.courier.harness.EmbeddedConnect;
import dev.courier.harness.EmbeddedKafka;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
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
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Courier's demo, the one command of the README ({@code ./mvnw -B -q -Pdemo}):
 *
 * <ol>
 *   <li>starts an in-process KRaft broker and a Connect worker with exactly-once source support (or, with
 *       {@code --bootstrap-servers}, runs only the worker, against that cluster);</li>
 *   <li>deploys {@code FileSourceConnector} with {@code message.class=dev.courier.examples.orders.OrderPlaced}, which
 *       streams the sample file {@code orders.jsonl} (shipped in this module's resources) into topic
 *       {@code orders}, with a progress line;</li>
 *   <li>sends the first orders of the same file again through the generated producers, one send mode each:
 *       {@code OrderPlacedProducer} ({@code SYNC}), {@code OrderPlacedAsyncProducer} ({@code ASYNC}) and
 *       {@code OrderPlacedFireAndForgetProducer} ({@code FIRE_AND_FORGET});</li>
 *   <li>reads the topic back ({@code read_committed}) with the generated {@code OrderPlacedDeserializer}, prints a
 *       table (source, key, partition, offset) and checks that for every key both paths wrote the same partition,
 *       the same value bytes, the same timestamp and the same {@code trace-id} header; then a summary (records,
 *       time, records/s);</li>
 *   <li>shuts everything down, checks that no thread it started is left, and prints where the generated code of the
 *       example types is.</li>
 * </ol>
 *
 * <p>Exit status: 0 when every check passed, 1 when a check failed (the output says which), 2 when the demo could
 * not run (for example Kafka unreachable), 78 for a bad option.
 */
public final class Demo {
  /** The connector's name. */
  public static final String CONNECTOR = "orders-file-demo";
  /** The sample file, a classpath resource. */
  public static final String SAMPLE = "dev/courier/examples/demo/orders.jsonl";

  private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final String SYNC = "SYNC";
  private static final String ASYNC = "ASYNC";
  private static final String FIRE_AND_FORGET = "FIRE_AND_FORGET";
  private static final String CONNECTOR_SOURCE = "connector";

  private final DemoOptions options;
  private final PrintStream out;
  private final boolean terminal;

  /**
   * Creates a demo run.
   *
   * @param options the options
   * @param out where the demo prints
   */
  public Demo(DemoOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
    this.terminal = out == System.out && System.console() != null;
  }

  /**
   * Runs the demo and exits with its status.
   *
   * @param args the options; {@code --help} lists them
   */
  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.println(DemoOptions.USAGE);
      System.exit(0);
    }
    int status;
    try {
      DemoOptions options = DemoOptions.parse(args);
      status = new Demo(options, System.out).run().passed(options) ? 0 : 1;
    } catch (AppException e) {
      System.err.println("demo: " + e.getMessage());
      status = AppException.EXIT_CODE;
    } catch (DemoException e) {
      System.err.println("demo failed: " + e.getMessage());
      status = 2;
    }
    System.out.flush();
    System.exit(status);
  }

  /**
   * Runs the demo.
   *
   * @return what it found
   * @throws DemoException when it could not run; the message says what failed
   */
  public DemoResult run() {
    Set<Thread> threadsBefore = Set.copyOf(Thread.getAllStackTraces().keySet());
    long started = System.nanoTime();
    out.println("Courier demo: the same orders through the file source connector and the generated producers");
    out.println();
    Run run = runAndShutDown();
    List<String> lingering = lingeringThreads(threadsBefore);
    check(lingering.isEmpty(), "threads left after shutdown: " + (lingering.isEmpty() ? "none" : lingering));
    DemoResult result = run.result(lingering, generatedSources());
    summary(run, result, started);
    return result;
  }

  /** Runs the demo's steps, then shuts everything down, also when a step failed. */
  private Run runAndShutDown() {
    Path work = createWorkDir();
    EmbeddedKafka kafka = null;
    EmbeddedConnect connect = null;
    Admin admin = null;
    Run run = new Run();
    try {
      String bootstrap;
      long t = System.nanoTime();
      if (options.bootstrapServers() == null) {
        kafka = EmbeddedKafka.start();
        bootstrap = kafka.bootstrapServers();
        out.printf("  Kafka     in-process KRaft broker at %s (started in %s)%n", bootstrap,
            seconds(System.nanoTime() - t));
      } else {
        bootstrap = options.bootstrapServers();
        out.printf("  Kafka     external cluster at %s%n", bootstrap);
      }
      admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          AdminClientConfig.CLIENT_ID_CONFIG, "courier-demo-admin"));
      if (kafka == null) {
        checkReachable(admin, bootstrap);
      }
      t = System.nanoTime();
      if (kafka != null) {
        connect = EmbeddedConnect.start(kafka);
      } else {
        // The cluster's default replication factor for the worker's internal topics (replication factor 1 fails
        // on a cluster whose min.insync.replicas is larger).
        connect = EmbeddedConnect.builder(bootstrap)
            .workerProperty("config.storage.replication.factor", "-1")
            .workerProperty("offset.storage.replication.factor", "-1")
            .workerProperty("status.storage.replication.factor", "-1")
            .build();
      }
      out.printf("  Connect   in-process worker at %s, exactly.once.source.support=enabled (started in %s)%n",
          connect.restUrl(), seconds(System.nanoTime() - t));
      int partitions = ensureTopic(admin);
      out.println();
      run.execute(bootstrap, connect, partitions, work);
      report(run);
    } catch (DemoException e) {
      throw e;
    } catch (RuntimeException | AssertionError e) {
      throw new DemoException(describe(e), e);
    } finally {
      shutdown(kafka, connect, admin, work);
    }
    return run;
  }

  /** One run's records and timings. */
  private final class Run {
    final List<Read> reads = new ArrayList<>();
    final Map<String, Long> sent = new LinkedHashMap<>();
    final Map<String, Long> sendNanos = new LinkedHashMap<>();
    final AtomicLong fireAndForgetFailures = new AtomicLong();
    long streamNanos;
    int connectorReads;
    List<OrderPlaced> orders = List.of();
    DeliveryLedger ledger;

    void execute(String bootstrap, EmbeddedConnect connect, int partitions, Path work) {
      List<String> sample = sampleLines(options.records());
      orders = sample.subList(0, 3 * options.perSendMode()).stream().map(Demo::parse).toList();
      ledger = new DeliveryLedger(expectedKeys(sample));
      try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
        List<TopicPartition> assignment = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
          assignment.add(new TopicPartition(OrderPlacedProducer.TOPIC, p));
        }
        consumer.assign(assignment);
        consumer.seekToEnd(assignment);
        assignment.forEach(consumer::position); // only what this run writes is read back

        out.printf("1. FileSourceConnector streams %d orders from %s%n", sample.size(), SAMPLE);
        out.printf("   message.class=%s: topic, key, trace-id header and timestamp from its descriptor%n",
            OrderPlaced.class.getName());
        Path input = stage(work, sample);
        long t = System.nanoTime();
        connect.createOrUpdateConnector(CONNECTOR, connectorConfig(work));
        connect.awaitConnectorAndTasksRunning(CONNECTOR, 1, Duration.ofSeconds(60));
        out.printf("   deployed; connector and task running after %s%n", seconds(System.nanoTime() - t));
        streamConnector(connect, consumer, sample.size(), input, System.nanoTime());
        connectorReads = reads.size();
        out.printf("   streamed %d records in %s (%s), in transactions of one poll each%n", connectorReads,
            seconds(streamNanos), perSecond(connectorReads, streamNanos));
        out.println();

        out.printf("2. The generated producers send the first %d of the same orders again, %d per send mode%n",
            orders.size(), options.perSendMode());
        sendSync(bootstrap, orders.subList(0, options.perSendMode()));
        sendAsync(bootstrap, orders.subList(options.perSendMode(), 2 * options.perSendMode()));
        sendFireAndForget(bootstrap, orders.subList(2 * options.perSendMode(), orders.size()));
        out.println();

        readRest(consumer);
      }
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
      reads.add(new Read(source, record));
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
              + STREAM_TIMEOUT.toSeconds() + " s; its status: " + connect.status(CONNECTOR).describe());
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          read(CONNECTOR_SOURCE, record);
        }
        long now = System.nanoTime();
        if (now - lastStatus > TimeUnit.SECONDS.toNanos(2)) {
          lastStatus = now;
          ConnectorStatus status = connect.status(CONNECTOR);
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

    private void sendSync(String bootstrap, List<OrderPlaced> batch) {
      long t = System.nanoTime();
      try (OrderPlacedProducer producer = OrderPlacedProducer.create(producerProperties(bootstrap, SYNC))) {
        for (OrderPlaced order : batch) {
          producer.send(order); // returns once the broker acknowledged it, or throws SendException
        }
      }
      done(SYNC, OrderPlacedProducer.class, batch.size(), System.nanoTime() - t, "each acknowledged before the next");
    }

    private void sendAsync(String bootstrap, List<OrderPlaced> batch) {
      long t = System.nanoTime();
      try (OrderPlacedAsyncProducer producer =
          OrderPlacedAsyncProducer.create(producerProperties(bootstrap, ASYNC))) {
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

    private void sendFireAndForget(String bootstrap, List<OrderPlaced> batch) {
      long t = System.nanoTime();
      try (OrderPlacedFireAndForgetProducer producer = OrderPlacedFireAndForgetProducer.create(
          producerProperties(bootstrap, FIRE_AND_FORGET), (topic, key, message, exception) -> {
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
      sent.put(mode, (long) count);
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

    DemoResult result(List<String> lingering, String generated) {
      Map<String, List<Read>> byKey = reads.stream().collect(
          Collectors.groupingBy(r -> String.valueOf(r.key), LinkedHashMap::new, Collectors.toList()));
      long both = 0;
      long samePartition = 0;
      long sameBytes = 0;
      long sameMeta = 0;
      for (List<Read> group : byKey.values()) {
        Read fromConnector = group.stream().filter(r -> r.source.equals(CONNECTOR_SOURCE)).findFirst().orElse(null);
        List<Read> fromProducers = group.stream().filter(r -> !r.source.equals(CONNECTOR_SOURCE)).toList();
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
          ledger.unexpected(), both, samePartition, sameBytes, sameMeta, unreadable, lingering, generated);
    }
  }

  /** One record read back, decoded with the generated deserializer. */
  private static final class Read {
    final String source;
    final String key;
    final int partition;
    final long offset;
    final long timestamp;
    final byte[] traceId;
    final byte[] value;
    final OrderPlaced order;
    final String error;

    Read(String source, ConsumerRecord<String, byte[]> record) {
      this.source = source;
      this.key = record.key();
      this.partition = record.partition();
      this.offset = record.offset();
      this.timestamp = record.timestamp();
      Header header = record.headers().lastHeader("trace-id");
      this.traceId = header == null ? null : header.value();
      this.value = record.value();
      OrderPlaced decoded = null;
      String problem = null;
      try {
        decoded = new OrderPlacedDeserializer().deserialize(record.topic(), record.value());
      } catch (SerializationException e) {
        problem = e.getMessage();
      }
      this.order = decoded;
      this.error = problem;
    }
  }

  private void report(Run run) {
    DemoResult result = run.result(List.of(), null);
    out.printf("3. Topic %s read back (read_committed) with OrderPlacedDeserializer: %d records%n",
        OrderPlacedProducer.TOPIC, run.reads.size());
    out.printf("   %-15s %-8s %9s %6s   %s%n", "source", "key", "partition", "offset", "order");
    int per = options.perSendMode();
    List<Integer> shown = new ArrayList<>();
    for (int mode = 0; mode < 3; mode++) {
      for (int i = mode * per; i < Math.min(mode * per + 2, (mode + 1) * per); i++) {
        shown.add(i);
      }
    }
    for (int i : shown) {
      String key = run.orders.get(i).orderId();
      run.reads.stream().filter(r -> key.equals(r.key))
          .sorted(Comparator.comparing((Read r) -> !r.source.equals(CONNECTOR_SOURCE)))
          .forEach(r -> out.printf("   %-15s %-8s %9d %6d   %s%n", r.source, r.key, r.partition, r.offset,
              r.order == null ? "unreadable: " + r.error : summary(r.order)));
    }
    out.printf("   ... %d more records%n", run.reads.size() - shown.size() * 2L);
    out.println();
    check(result.keysOnBothPaths() == 3L * per, String.format("%d keys were sent by both paths (expected %d)",
        result.keysOnBothPaths(), 3 * per));
    check(result.samePartition() == result.keysOnBothPaths(), String.format(
        "same partition from both paths: %d of %d keys", result.samePartition(), result.keysOnBothPaths()));
    check(result.sameValueBytes() == result.keysOnBothPaths(), String.format(
        "byte-identical values from both paths: %d of %d keys", result.sameValueBytes(), result.keysOnBothPaths()));
    check(result.sameTimestampAndHeaders() == result.keysOnBothPaths(), String.format(
        "same timestamp (placedAt) and trace-id header: %d of %d keys", result.sameTimestampAndHeaders(),
        result.keysOnBothPaths()));
    long fromProducers = result.producerRecords().values().stream().mapToLong(Long::longValue).sum();
    check(result.exactlyOnce(options), String.format(
        "exactly once: %d records from the connector (expected %d), %d from the producers (expected %d), "
            + "%d duplicates, %d unexpected", result.connectorRecords(), options.records(), fromProducers, 3 * per,
        result.duplicates().size(), result.unexpected().size()));
    for (String record : result.duplicates()) {
      out.println("       duplicate: " + record);
    }
    for (String record : result.unexpected()) {
      out.println("       unexpected: " + record);
    }
    check(result.unreadable().isEmpty(), "records the generated deserializer could not read: "
        + (result.unreadable().isEmpty() ? "none" : result.unreadable()));
  }

  private void summary(Run run, DemoResult result, long started) {
    out.println();
    long total = System.nanoTime() - started;
    long fromProducers = result.producerRecords().values().stream().mapToLong(Long::longValue).sum();
    long producerNanos = run.sendNanos.values().stream().mapToLong(Long::longValue).sum();
    out.printf("Summary: %d records in %s in all (broker and worker start and stop included)%n", run.reads.size(),
        seconds(total));
    out.printf("  connector            %5d records in %s, %s%n", run.connectorReads, seconds(run.streamNanos),
        perSecond(run.connectorReads, run.streamNanos));
    out.printf("  generated producers  %5d records in %s, %s (SYNC waits for each acknowledgement)%n",
        fromProducers, seconds(producerNanos), perSecond(fromProducers, producerNanos));
    out.println(result.passed(options) ? "Result: PASSED" : "Result: FAILED (see the checks above)");
    out.println();
    if (result.generatedSources() != null) {
      out.println("The code Courier generated for the example types is in");
      out.println("  " + result.generatedSources());
      out.println("  e.g. dev/courier/examples/orders/OrderPlacedProducer.java, OrderPlacedSerializer.java,");
      out.println("  OrderPlacedDeserializer.java and OrderPlacedDescriptor.java (which the connector reads);");
      out.println("  docs/generated-producer.md walks through OrderPlacedProducer part by part.");
    }
  }

  private void check(boolean ok, String what) {
    out.printf("   [%s] %s%n", ok ? "ok" : "FAILED", what);
  }

  private static String summary(OrderPlaced order) {
    return String.format("%s, %d line(s), %d.%02d %s", order.customerId(), order.lines().size(),
        order.totalCents() / 100, order.totalCents() % 100, order.currency());
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
    // StringConverter: the same key bytes as the generated producer's StringSerializer, so the same partition.
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    config.put("exactly.once.support", "required");
    config.put("transaction.boundary", "poll");
    // OrderPlaced fixes acks=all and idempotence: the connector's producer must use them too (validate() checks).
    config.put("producer.override.acks", "all");
    config.put("producer.override.enable.idempotence", "true");
    config.put("producer.override.linger.ms", "20");
    config.put("producer.override.batch.size", "262144");
    return config;
  }

  private static Map<String, Object> producerProperties(String bootstrap, String mode) {
    return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.CLIENT_ID_CONFIG, "courier-demo-" + mode.toLowerCase(java.util.Locale.ROOT));
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

  /**
   * The first orders of the sample file, one JSON line each, as the connector streams them.
   *
   * @param count how many (at most {@link DemoOptions#SAMPLE_RECORDS} are there)
   * @return the lines
   */
  public static List<String> sampleLines(int count) {
    try (InputStream in = Demo.class.getClassLoader().getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new DemoException("the sample file " + SAMPLE + " is not on the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader.lines().filter(line -> !line.isBlank()).limit(count).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path createWorkDir() {
    try {
      Path work = Files.createTempDirectory("courier-demo-").toRealPath();
      Files.createDirectories(work.resolve("in"));
      Files.createDirectories(work.resolve("done"));
      Files.createDirectories(work.resolve("staging"));
      return work;
    } catch (IOException e) {
      throw new DemoException("cannot create a working directory under " + System.getProperty("java.io.tmpdir")
          + ": " + e, e);
    }
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

  private void checkReachable(Admin admin, String bootstrap) {
    try {
      admin.describeCluster().clusterId().get(15, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new DemoException("cannot reach Kafka at " + bootstrap + " within 15 s: "
          + (e.getCause() != null ? e.getCause() : e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoException("interrupted", e);
    }
  }

  /** Creates topic orders unless it exists; returns its partition count. */
  private int ensureTopic(Admin admin) {
    String topic = OrderPlacedProducer.TOPIC;
    try {
      try {
        admin.createTopics(List.of(new NewTopic(topic, java.util.Optional.of(options.partitions()),
            java.util.Optional.empty()))).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (true) {
        var description = describe(admin, topic);
        int partitions = description == null ? 0 : description.partitions().size();
        boolean leaders = description != null
            && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        if (leaders) {
          out.printf("  Topic     %s with %d partitions%s%n", topic, partitions,
              partitions == options.partitions() ? "" : " (it existed already)");
          return partitions;
        }
        if (System.nanoTime() > deadline) {
          throw new DemoException("topic " + topic + (description == null ? " is not known to the broker"
              : " has partitions without a leader") + " 30 s after it was created");
        }
        Thread.sleep(50);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new DemoException("cannot create or describe topic " + topic + ": "
          + (e.getCause() != null ? e.getCause() : e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoException("interrupted", e);
    }
  }

  /**
   * The topic's description, or {@code null} while the broker that answers does not know it yet: a topic just created
   * reaches each broker's metadata a moment later, more so on a busy machine.
   */
  private static TopicDescription describe(Admin admin, String topic)
      throws ExecutionException, TimeoutException, InterruptedException {
    try {
      return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return null;
      }
      throw e;
    }
  }

  private void shutdown(EmbeddedKafka kafka, EmbeddedConnect connect, Admin admin, Path work) {
    long started = System.nanoTime();
    List<String> steps = new ArrayList<>();
    if (connect != null) {
      try {
        connect.deleteConnector(CONNECTOR);
        steps.add("connector deleted");
      } catch (RuntimeException e) {
        steps.add("connector not deleted (" + e.getMessage() + ")");
      }
      connect.close();
      steps.add("worker stopped");
      if (kafka == null && admin != null) {
        String group = connect.groupId();
        try {
          admin.deleteTopics(List.of(group + "-configs", group + "-offsets", group + "-status")).all()
              .get(30, TimeUnit.SECONDS);
          steps.add("worker's internal topics deleted");
        } catch (ExecutionException | TimeoutException e) {
          steps.add("worker's internal topics " + group + "-* not deleted (" + e + ")");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    if (admin != null) {
      admin.close(Duration.ofSeconds(10));
    }
    if (kafka != null) {
      kafka.close();
      steps.add("broker stopped");
    }
    deleteRecursively(work);
    out.println();
    out.printf("4. Shutdown: %s in %s%n", String.join(", ", steps), seconds(System.nanoTime() - started));
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      System.err.println("demo: could not delete " + dir + ": " + e);
    }
  }

  /** Threads started since {@code before} that are still alive, after giving them a few seconds to end. */
  private static List<String> lingeringThreads(Set<Thread> before) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    // The JDK's HttpClient (the harness talks to the worker's REST API with one) has no close() before Java 21: its
    // threads end once the client is garbage: collect it.
    System.gc();
    while (true) {
      Set<Thread> now = new HashSet<>(Thread.getAllStackTraces().keySet());
      now.removeAll(before);
      now.removeIf(t -> !t.isAlive() || isJvmShared(t));
      if (now.isEmpty() || System.nanoTime() > deadline) {
        return now.stream().map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "")).sorted().toList();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of("interrupted while waiting for threads to end");
      }
    }
  }

  /** JVM-wide daemon threads that outlive whoever used them first, by design of the JDK. */
  private static boolean isJvmShared(Thread thread) {
    String name = thread.getName();
    return thread.isDaemon() && (name.startsWith("ForkJoinPool.commonPool-") || name.equals("Common-Cleaner")
        || name.equals("process reaper") || name.equals("Attach Listener")
        // The broker's Yammer metrics live in a registry global to the JVM, with its own meter thread pool, which
        // stays for the next broker in the JVM (kafka-harness empties the registry when the last broker stops).
        || name.startsWith("metrics-meter-tick-thread-"));
  }

  /** Where the generated sources of the example types are: next to target/classes, as Maven's compiler puts them. */
  private static String generatedSources() {
    String configured = System.getProperty("courier.generated.dir");
    Path dir = null;
    if (configured != null) {
      dir = Path.of(configured);
    } else {
      try {
        Path classes = Path.of(Demo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(classes)) {
          dir = classes.resolveSibling("generated-sources").resolve("annotations");
        }
      } catch (URISyntaxException | RuntimeException e) {
        return null;
      }
    }
    return dir != null && Files.isDirectory(dir) ? dir.toAbsolutePath().normalize().toString() : null;
  }

  private static String seconds(long nanos) {
    return String.format("%.1f s", nanos / 1e9);
  }

  private static String perSecond(long count, long nanos) {
    return nanos <= 0 ? "-" : String.format("%,.0f records/s", count / (nanos / 1e9));
  }

  private static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause.getMessage() != null && !sb.toString().contains(cause.getMessage())) {
        sb.append("\n  caused by ").append(cause);
      }
    }
    return sb.toString();
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.demo;

import dev.courier.examples.payments.RefundIssued;
import dev.courier.examples.payments.RefundIssuedDescriptor;
import dev.courier.examples.payments.RefundIssuedDeserializer;
import dev.courier.examples.payments.RefundIssuedProducer;
import dev.courier.examples.payments.RefundIssuedSerializer;
import dev.courier.harness.EmbeddedConnect;
import dev.courier.harness.SchemaRegistryProcess;
import dev.courier.runtime.SchemaRegistryConfig;
import dev.courier.runtime.SchemaRegistryFraming;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The demo's Schema Registry step ({@code --schema-registry}): refunds ({@link RefundIssued}, value format
 * {@code SCHEMA_REGISTRY_JSON}) sent by the generated producer, which registers the type's schema under subject
 * {@code refunds-value}, and the same refunds streamed by the file connector; both paths must write the same framed
 * bytes with the registered id, which the generated deserializer reads back through the registry. With
 * {@code embedded} it starts Apicurio Registry from the distribution the demo profile unpacks; with a URL it uses
 * that registry (Confluent's, or Apicurio's Confluent-compatible API).
 */
final class RegistryStep {
  /** The connector's name. */
  static final String CONNECTOR = "refunds-file-demo";
  private static final int REFUNDS = 25;
  private static final int PARTITIONS = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String registryOption;
  private final PrintStream out;
  private final DemoReport report;
  private final List<String> problems = new ArrayList<>();

  RegistryStep(String registryOption, PrintStream out, DemoReport report) {
    this.registryOption = registryOption;
    this.out = out;
    this.report = report;
  }

  /**
   * Runs the step.
   *
   * @param cluster the broker, the worker and the demo's working directory
   * @return what failed; empty when every check passed
   */
  List<String> run(DemoCluster cluster) {
    out.printf("5. Schema Registry: %d refunds (value format SCHEMA_REGISTRY_JSON) through the producer and the"
        + " connector%n", REFUNDS);
    SchemaRegistryProcess embedded = null;
    try {
      String url;
      if ("embedded".equals(registryOption)) {
        long t = System.nanoTime();
        embedded = startEmbedded();
        url = embedded.confluentApi().toString();
        out.printf("   Apicurio Registry started in %s at %s%n", DemoReport.seconds(System.nanoTime() - t), url);
      } else {
        url = registryOption;
      }
      exchange(cluster, url);
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
    out.println();
    return problems;
  }

  private void exchange(DemoCluster cluster, String url) {
    String bootstrap = cluster.bootstrapServers();
    EmbeddedConnect connect = cluster.connect();
    Path work = cluster.workDir();
    List<RefundIssued> refunds = new ArrayList<>();
    Instant base = Instant.now().minusSeconds(REFUNDS);
    for (int i = 0; i < REFUNDS; i++) {
      refunds.add(new RefundIssued("refund-" + i, "order-" + (1000 + i), 100L * i + 99,
          RefundIssued.Reason.values()[i % 3], List.of("sku-" + i), "trace-refund-" + i, base.plusSeconds(i)));
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(SchemaRegistryConfig.URL, url);
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
      DemoRun.readFromEnd(consumer, RefundIssuedProducer.TOPIC,
          cluster.ensureTopic(RefundIssuedProducer.TOPIC, PARTITIONS));
      try (RefundIssuedProducer producer = RefundIssuedProducer.create(properties)) {
        refunds.forEach(producer::send);
      }
      out.printf("   RefundIssuedProducer registered subject %s and sent %d refunds%n",
          SchemaRegistryFraming.subject(new RefundIssuedDescriptor()), REFUNDS);

      Path in = Files.createDirectories(work.resolve("refunds-in"));
      StringBuilder lines = new StringBuilder();
      RefundIssuedSerializer json = new RefundIssuedSerializer();
      for (RefundIssued refund : refunds) {
        lines.append(new String(json.serialize(RefundIssuedProducer.TOPIC, refund), StandardCharsets.UTF_8))
            .append('\n');
      }
      Path staged = Files.writeString(work.resolve("refunds.jsonl"), lines);
      Files.move(staged, in.resolve("refunds.jsonl"), StandardCopyOption.ATOMIC_MOVE);
      connect.createOrUpdateConnector(CONNECTOR, connectorConfig(work, in, url));
      List<ConsumerRecord<byte[], byte[]>> records = read(consumer, 2 * REFUNDS);
      connect.deleteConnector(CONNECTOR);
      check(records, refunds, url);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void check(List<ConsumerRecord<byte[], byte[]>> records, List<RefundIssued> refunds, String url) {
    Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      byKey.computeIfAbsent(new String(record.key(), StandardCharsets.UTF_8), k -> new ArrayList<>()).add(record);
    }
    long pairs = byKey.values().stream().filter(pair -> pair.size() == 2).count();
    verify(records.size() == 2 * REFUNDS && pairs == REFUNDS, String.format("%d records read, %d keys on both paths"
        + " (expected %d and %d)", records.size(), pairs, 2 * REFUNDS, REFUNDS));
    long same = byKey.values().stream().filter(pair -> pair.size() == 2
        && pair.get(0).partition() == pair.get(1).partition()
        && Arrays.equals(pair.get(0).value(), pair.get(1).value())).count();
    verify(same == REFUNDS, same + " of " + REFUNDS + " keys with the same partition and framed value bytes on both"
        + " paths");
    long ids = records.stream().map(r -> ByteBuffer.wrap(r.value(), 1, 4).getInt()).distinct().count();
    int id = records.isEmpty() ? -1 : ByteBuffer.wrap(records.get(0).value(), 1, 4).getInt();
    verify(ids == 1 && records.stream().allMatch(r -> r.value()[0] == 0),
        "every value framed: magic byte 0 and schema id " + id + (ids == 1 ? "" : " (and " + (ids - 1) + " others)"));
    RefundIssuedDeserializer deserializer = new RefundIssuedDeserializer(Map.of(SchemaRegistryConfig.URL, url));
    long read = records.stream().filter(r -> refunds.contains(deserializer.deserialize(r.topic(), r.value())))
        .count();
    verify(read == records.size(), read + " of " + records.size() + " records read back by RefundIssuedDeserializer,"
        + " which resolved schema id " + id + " at the registry");
  }

  private void verify(boolean ok, String what) {
    report.check(ok, what);
    if (!ok) {
      problems.add(what);
    }
  }

  private static SchemaRegistryProcess startEmbedded() {
    if (System.getProperty(SchemaRegistryProcess.DIRECTORY_PROPERTY) == null) {
      throw new DemoException("--schema-registry embedded starts Apicurio Registry from its distribution on Maven"
          + " Central (142 MB), which the demo fetches only when asked: run ./mvnw -B -q -Pdemo,registry"
          + " -Ddemo.args=\"--schema-registry embedded\", or give the URL of a running registry");
    }
    return SchemaRegistryProcess.start();
  }

  private static List<ConsumerRecord<byte[], byte[]>> read(KafkaConsumer<byte[], byte[]> consumer, int count) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (records.size() < count && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(100)).forEach(records::add);
    }
    return records;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static Map<String, String> connectorConfig(Path work, Path in, String url) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", "dev.courier.connect.file.FileSourceConnector");
    config.put("tasks.max", "1");
    config.put("input.paths", in.toString());
    config.put("input.file.pattern", ".*\\.jsonl");
    config.put("format", "json");
    config.put("spool.finished.path", work.resolve("refunds-done").toString());
    config.put("spool.min.file.age.ms", "0");
    config.put("message.class", RefundIssued.class.getName());
    config.put(SchemaRegistryConfig.URL, url);
    config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("exactly.once.support", "required");
    config.put("producer.override.acks", "all");
    config.put("producer.override.enable.idempotence", "true");
    return config;
  }
}

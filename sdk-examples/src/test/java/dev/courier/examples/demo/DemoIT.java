/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.harness.EmbeddedKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs the demo's main path, as {@code ./mvnw -B -q -Pdemo} does, and asserts on what it found: exact counts, every
 * key on the same partition with the same bytes from both paths, and nothing left running. Timing is printed, never
 * asserted.
 */
@Tag("scenario")
class DemoIT {

  @Test
  void theDefaultRunStreamsTheSampleAndBothPathsAgreeOnEveryKey() {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    DemoOptions options = DemoOptions.defaults();

    DemoResult result = new Demo(options, new PrintStream(output, true, StandardCharsets.UTF_8)).run();

    String printed = output.toString(StandardCharsets.UTF_8);
    System.out.println(printed);
    assertThat(result.connectorRecords()).isEqualTo(DemoOptions.SAMPLE_RECORDS);
    assertThat(result.producerRecords()).containsExactly(
        Map.entry("SYNC", 200L), Map.entry("ASYNC", 200L), Map.entry("FIRE_AND_FORGET", 200L));
    assertThat(result.fireAndForgetFailures()).isZero();
    assertThat(result.duplicates()).isEmpty();
    assertThat(result.unexpected()).isEmpty();
    assertThat(result.exactlyOnce(options)).isTrue();
    assertThat(result.keysOnBothPaths()).isEqualTo(600);
    assertThat(result.samePartition()).isEqualTo(600);
    assertThat(result.sameValueBytes()).isEqualTo(600);
    assertThat(result.sameTimestampAndHeaders()).isEqualTo(600);
    assertThat(result.unreadable()).isEmpty();
    assertThat(result.lingeringThreads()).isEmpty();
    assertThat(result.outboxProblems()).isEmpty();
    assertThat(result.passed(options)).isTrue();
    assertThat(printed)
        .contains("streaming orders.jsonl: 2000/2000 records")
        .contains("[ok] same partition from both paths: 600 of 600 keys")
        .contains("[ok] each of the 15 committed orders relayed exactly once (15 records, 15 keys)")
        .contains("[ok] orders of the rolled-back transaction relayed: 0 of 5")
        .contains("[ok] 15 of 15 relayed records with the value bytes and timestamp OrderPlacedProducer would send")
        .contains("[ok] relayed rows deleted from courier_outbox once committed in Kafka: 0 left")
        .contains("Result: PASSED")
        .doesNotContain("FAILED");
    assertThat(result.generatedSources()).isNotNull();
    assertThat(Path.of(result.generatedSources()).resolve("dev/courier/examples/orders/OrderPlacedProducer.java"))
        .exists();
    assertThat(printed).contains(result.generatedSources());
  }

  @Test
  void withSchemaRegistryEmbeddedBothPathsWriteTheSameFramedRefunds() {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    DemoOptions options = DemoOptions.parse("--records", "30", "--per-mode", "10", "--schema-registry", "embedded");

    DemoResult result = new Demo(options, new PrintStream(output, true, StandardCharsets.UTF_8)).run();

    String printed = output.toString(StandardCharsets.UTF_8);
    System.out.println(printed);
    assertThat(result.registryProblems()).isEmpty();
    assertThat(printed)
        .contains("5. Schema Registry: 25 refunds")
        .contains("RefundIssuedProducer registered subject refunds-value and sent 25 refunds")
        .contains("[ok] 25 of 25 keys with the same partition and framed value bytes on both paths")
        .contains("[ok] 50 of 50 records read back by RefundIssuedDeserializer")
        .doesNotContain("FAILED");
    assertThat(result.passed(options)).isTrue();
  }

  @Test
  void withBootstrapServersItUsesThatClusterReadsOnlyItsOwnRecordsAndRemovesTheWorkersTopics() throws Exception {
    try (EmbeddedKafka external = EmbeddedKafka.start()) {
      // An existing topic with records of an earlier run: kept, and not counted.
      external.createTopic("orders", 3);
      try (KafkaProducer<String, String> earlier = new KafkaProducer<>(
          Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, external.bootstrapServers()), new StringSerializer(),
          new StringSerializer())) {
        earlier.send(new ProducerRecord<>("orders", "o-10001", "{\"from\":\"an earlier run\"}")).get();
      }
      Set<String> topicsBefore = external.admin().listTopics().names().get(30, TimeUnit.SECONDS);
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      DemoOptions options = DemoOptions.parse("--bootstrap-servers", external.bootstrapServers(), "--records", "300",
          "--per-mode", "20");

      DemoResult result = new Demo(options, new PrintStream(output, true, StandardCharsets.UTF_8)).run();

      String printed = output.toString(StandardCharsets.UTF_8);
      System.out.println(printed);
      assertThat(printed).contains("external cluster at " + external.bootstrapServers())
          .contains("orders with 3 partitions (it existed already)")
          .contains("worker's internal topics deleted");
      assertThat(result.connectorRecords()).isEqualTo(300);
      assertThat(result.duplicates()).isEmpty();
      assertThat(result.unexpected()).isEmpty();
      assertThat(result.exactlyOnce(options)).isTrue();
      assertThat(result.keysOnBothPaths()).isEqualTo(60);
      assertThat(result.samePartition()).isEqualTo(60);
      assertThat(result.sameValueBytes()).isEqualTo(60);
      assertThat(result.sameTimestampAndHeaders()).isEqualTo(60);
      assertThat(result.unreadable()).isEmpty();
      // Not result.passed(): the "external" broker runs in this JVM and starts threads of its own (request executors,
      // schedulers) while serving the demo, which the demo's thread check cannot tell from its own. Against a real
      // external cluster it can; the in-process run above checks it.
      assertThat(external.admin().listTopics().names().get(30, TimeUnit.SECONDS)).isEqualTo(topicsBefore);
    }
  }
}

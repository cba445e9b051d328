/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.examples.clickstream.ClickstreamApp;
import dev.courier.examples.demo.Demo;
import dev.courier.examples.orders.OrderImportApp;
import dev.courier.examples.orders.OrderPlaced;
import dev.courier.examples.orders.OrderPlacedDeserializer;
import dev.courier.examples.payments.PaymentCapturedDeserializer;
import dev.courier.examples.payments.SettlementApp;
import dev.courier.examples.shipping.ShippingApp;
import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.TopicReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs each example application as its {@code main} would (command line, environment, exit status, output), against
 * one in-process KRaft broker shared by the class.
 */
class ExampleAppsIT {
  private static final Duration READ = Duration.ofSeconds(30);
  private static EmbeddedKafka kafka;

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void startKafka() {
    kafka = EmbeddedKafka.start();
    kafka.createTopic("orders", 3);
    kafka.createTopic("page-views", 3);
    kafka.createTopic("shipments", 3);
    kafka.createTopic("payments", 3);
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void orderImportSendsEveryValidLineSkipsAndNamesTheBadOneAndExitsWithOne() throws Exception {
    Path file = dir.resolve("orders.jsonl");
    List<String> sample = Demo.sampleLines(3);
    Files.write(file, List.of(sample.get(0), "{\"orderId\":\"o-bad\",\"totalCents\":\"twelve\"}", "", sample.get(1),
        sample.get(2)), StandardCharsets.UTF_8);

    int status = OrderImportApp.run(new String[] {file.toString()}, env(), print(out), print(err));

    assertThat(status).as(text(err)).isEqualTo(1);
    assertThat(text(out)).contains("order-import: 3 order(s) sent, 1 line(s) skipped");
    assertThat(text(err)).contains(file + ":2: skipped, not a valid order:").contains("totalCents");
    List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readExactly(kafka.bootstrapServers(), "orders", 3, READ);
    OrderPlacedDeserializer deserializer = new OrderPlacedDeserializer();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      OrderPlaced order = deserializer.deserialize("orders", record.value());
      assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(order.orderId());
      assertThat(record.timestamp()).isEqualTo(order.placedAt().toEpochMilli());
      assertThat(new String(record.headers().lastHeader("trace-id").value(), StandardCharsets.UTF_8))
          .isEqualTo(order.traceId());
    }
    assertThat(records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsExactlyInAnyOrder("o-10001", "o-10002", "o-10003");
  }

  @Test
  void orderImportRefusesARuntimeSettingThatContradictsTheTypeAndSaysWhereItCameFrom() {
    Map<String, String> env = Map.of("COURIER_PRODUCER_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
        "COURIER_PRODUCER_ENABLE_IDEMPOTENCE", "false");

    int status = OrderImportApp.run(new String[] {"unused.jsonl"}, env, print(out), print(err));

    assertThat(status).isEqualTo(AppException.EXIT_CODE);
    assertThat(text(err)).startsWith("order-import: the producer configuration is invalid:")
        .contains("enable.idempotence")
        .contains("runtime value: enable.idempotence=false (from environment variable"
            + " COURIER_PRODUCER_ENABLE_IDEMPOTENCE)")
        .doesNotContain("\tat ");
  }

  @Test
  void orderImportNamesAMissingInputFile() {
    Path missing = dir.resolve("missing.jsonl");

    int status = OrderImportApp.run(new String[] {missing.toString()}, env(), print(out), print(err));

    assertThat(status).isEqualTo(AppException.EXIT_CODE);
    assertThat(text(err)).isEqualTo("order-import: the input file " + missing.toAbsolutePath() + " does not exist\n");
  }

  @Test
  void clickstreamSendsFireAndForgetAndReportsNoFailure() {
    int status = ClickstreamApp.run(new String[] {"--count", "500", "--sessions", "50"}, env(), print(out),
        print(err));

    assertThat(status).as(text(err)).isZero();
    assertThat(text(out)).contains("clickstream: 500 view(s) sent").contains(", 0 failed");
    assertThat(TopicReader.readExactly(kafka.bootstrapServers(), "page-views", 500, READ))
        .extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).contains("s-0", "s-49").hasSize(500);
  }

  @Test
  void clickstreamCountsEveryFailedSendInsteadOfSwallowingIt() throws Exception {
    Path config = dir.resolve("unreachable.properties");
    // A port nobody listens on: each send fails after max.block.ms waiting for the topic's metadata.
    Files.writeString(config, "bootstrap.servers=127.0.0.1:" + freePort() + "\nmax.block.ms=300\n");

    int status = ClickstreamApp.run(new String[] {"--config", config.toString(), "--count", "3"}, Map.of(),
        print(out), print(err));

    assertThat(status).isEqualTo(1);
    assertThat(text(out)).contains("clickstream: 3 view(s) sent").contains(", 3 failed")
        .contains("first failure: topic page-views, session s-0:");
  }

  @Test
  void shippingSendsAsyncWithACallbackAndWaitsForEveryAnswer() {
    int status = ShippingApp.run(new String[] {"--count", "300", "--in-flight", "16"}, env(), print(out), print(err));

    assertThat(status).as(text(err)).isZero();
    assertThat(text(out)).contains("shipping: 300 shipment(s) sent, 300 acknowledged, 0 failed");
    // Kafka's UUIDSerializer, inferred from the key's type, writes the UUID's text; ids are derived from the number.
    String first = UUID.nameUUIDFromBytes("shipment-0".getBytes(StandardCharsets.UTF_8)).toString();
    assertThat(TopicReader.readExactly(kafka.bootstrapServers(), "shipments", 300, READ))
        .extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).contains(first).doesNotHaveDuplicates();
  }

  @Test
  void settlementCommitsEachFileAsAUnitAndAFileWithABadPaymentLeavesNothingVisible() throws Exception {
    Path first = settlement("first.jsonl", payment("p-1", "10.00"), payment("p-2", "20.50"));
    Path bad = settlement("bad.jsonl", payment("p-3", "5.00"), payment("p-4", "-5.00"));
    Path last = settlement("last.jsonl", payment("p-5", "7.25"));
    Map<String, String> env = Map.of("COURIER_PRODUCER_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
        "COURIER_PRODUCER_TRANSACTIONAL_ID", "payments-service-it");

    int status = SettlementApp.run(new String[] {first.toString(), bad.toString(), last.toString()}, env,
        print(out), print(err));

    assertThat(status).as(text(err)).isEqualTo(1);
    assertThat(text(out)).contains(first + " committed").contains(last + " committed")
        .contains("settlement: 2 file(s) committed, 1 rejected");
    assertThat(text(err)).contains(bad + " rejected, none of its payments is visible: " + bad + ":2: payment p-4 has"
        + " amount -5.00; a captured payment has a positive amount");
    PaymentCapturedDeserializer deserializer = new PaymentCapturedDeserializer();
    assertThat(TopicReader.readExactly(kafka.bootstrapServers(), "payments", 3, READ))
        .extracting(r -> deserializer.deserialize("payments", r.value()).paymentId())
        .containsExactlyInAnyOrder("p-1", "p-2", "p-5");
  }

  private Path settlement(String name, String... lines) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return file;
  }

  private static String payment(String id, String amount) {
    return "{\"paymentId\":\"" + id + "\",\"orderId\":\"o-1\",\"amount\":" + amount + ",\"currency\":\"EUR\","
        + "\"method\":\"CARD\",\"capturedAt\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}";
  }

  private static Map<String, String> env() {
    return Map.of("COURIER_PRODUCER_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

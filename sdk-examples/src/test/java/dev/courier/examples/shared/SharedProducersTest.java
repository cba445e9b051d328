/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.examples.clickstream.PageViewedProducer;
import dev.courier.examples.orders.Channel;
import dev.courier.examples.orders.OrderPlaced;
import dev.courier.examples.orders.OrderPlacedAsync;
import dev.courier.examples.orders.OrderPlacedAsyncProducer;
import dev.courier.examples.orders.OrderPlacedFireAndForget;
import dev.courier.examples.orders.OrderPlacedFireAndForgetProducer;
import dev.courier.examples.orders.OrderPlacedProducer;
import dev.courier.examples.orders.OrderPlacedSerializer;
import dev.courier.examples.payments.PaymentCaptured;
import dev.courier.examples.payments.PaymentCapturedProducer;
import dev.courier.runtime.SharedProducers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Which example types share a producer and which do not, what each sends through the shared producer, and closing
 * in any order: {@link SharedProducers} over {@code MockProducer}s, one per shared producer it asks for.
 */
class SharedProducersTest {

  private static final Instant AT = Instant.parse("2026-12-07T10:15:30Z");

  /** The mock producers made, in order, and the configuration each was made with. */
  private final List<MockProducer<byte[], byte[]>> made = new ArrayList<>();
  private final List<Map<String, Object>> configs = new ArrayList<>();

  private SharedProducers shared(Map<String, ?> runtimeProperties) {
    return SharedProducers.create(runtimeProperties, config -> {
      MockProducer<byte[], byte[]> mock = new MockProducer<>(true, null, new ByteArraySerializer(),
          new ByteArraySerializer());
      made.add(mock);
      configs.add(config);
      return mock;
    });
  }

  @Test
  void typesWhoseSettingsAgreeShareOneProducerAndEachSendsItsOwnRecords() throws Exception {
    try (SharedProducers producers = shared(Map.of("bootstrap.servers", "kafka:9092"));
        OrderPlacedProducer sync = OrderPlacedProducer.create(producers);
        OrderPlacedAsyncProducer async = OrderPlacedAsyncProducer.create(producers)) {
      sync.send(order("o-1"));
      async.send(new OrderPlacedAsync("o-2", "c-1", Channel.WEB, List.of(), null, 100, "EUR", "t-2", AT)).get();

      assertThat(made).hasSize(1);
      assertThat(configs.get(0)).containsEntry("bootstrap.servers", "kafka:9092").containsEntry("acks", "all")
          .doesNotContainKeys("key.serializer", "value.serializer");
      List<ProducerRecord<byte[], byte[]>> sent = made.get(0).history();
      assertThat(sent).hasSize(2);
      ProducerRecord<byte[], byte[]> first = sent.get(0);
      assertThat(first.topic()).isEqualTo(OrderPlacedProducer.TOPIC);
      assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("o-1");
      assertThat(first.value()).isEqualTo(new OrderPlacedSerializer().serialize("orders", order("o-1")));
      assertThat(first.timestamp()).isEqualTo(AT.toEpochMilli());
      assertThat(new String(first.headers().lastHeader("trace-id").value(), StandardCharsets.UTF_8))
          .isEqualTo("t-1");
      assertThat(new String(sent.get(1).key(), StandardCharsets.UTF_8)).isEqualTo("o-2");
      assertThat(producers.describe()).isEqualTo("1 shared producer\nproducer 1: "
          + "dev.courier.examples.orders.OrderPlaced, dev.courier.examples.orders.OrderPlacedAsync");
    }
  }

  @Test
  void typesWhoseSettingsDifferGetProducersOfTheirOwnAndTheGroupsSayWhy() {
    try (SharedProducers producers = shared(Map.of("bootstrap.servers", "kafka:9092", "client.id", "shop"))) {
      OrderPlacedProducer.create(producers);
      OrderPlacedFireAndForgetProducer.create(producers);
      PageViewedProducer.create(producers);
      OrderPlacedAsyncProducer.create(producers);
      assertThat(made).hasSize(3);
      assertThat(configs).extracting(c -> c.get("client.id")).containsExactly("shop", "shop-2", "shop-3");
      List<SharedProducers.Group> groups = producers.groups();
      assertThat(groups).extracting(SharedProducers.Group::messageTypes).containsExactly(
          List.of("dev.courier.examples.orders.OrderPlaced", "dev.courier.examples.orders.OrderPlacedAsync"),
          List.of("dev.courier.examples.orders.OrderPlacedFireAndForget"),
          List.of("dev.courier.examples.clickstream.PageViewed"));
      assertThat(groups.get(0).distinguishing()).containsEntry("acks", "all")
          .containsEntry("linger.ms", kafkaDefault("linger.ms")).containsEntry("compression.type", "none");
      assertThat(groups.get(1).distinguishing()).containsEntry("linger.ms", "20")
          .containsEntry("compression.type", "lz4").doesNotContainKey("client.id");
      assertThat(groups.get(2).distinguishing()).containsEntry("acks", "1");
      assertThat(producers.describe()).startsWith("3 shared producers\nproducer 1 (acks=all, ");
    }
  }

  @Test
  void aSettingLeftToKafkasDefaultAgreesWithTheSameValueFixedExplicitly() {
    // OrderPlaced fixes acks=all and idempotence, Kafka's defaults since 3.0; Plain fixes nothing.
    try (SharedProducers producers = shared(Map.of("bootstrap.servers", "kafka:9092"))) {
      OrderPlacedProducer.create(producers);
      PlainProducer.create(producers);

      assertThat(made).hasSize(1);
      assertThat(producers.groups()).singleElement().satisfies(group -> assertThat(group.messageTypes())
          .containsExactly("dev.courier.examples.orders.OrderPlaced", "dev.courier.examples.shared.Plain"));
    }
  }

  @Test
  void aRuntimePropertyThatGivesTypesTheSameSettingsLetsThemShare() {
    Map<String, String> batching = Map.of("bootstrap.servers", "kafka:9092", "linger.ms", "20", "batch.size", "65536",
        "compression.type", "lz4");
    try (SharedProducers producers = shared(batching)) {
      OrderPlacedProducer.create(producers);
      OrderPlacedFireAndForgetProducer.create(producers);
      assertThat(made).hasSize(1);
      assertThat(producers.groups()).singleElement().satisfies(group -> assertThat(group.messageTypes())
          .containsExactly("dev.courier.examples.orders.OrderPlaced",
              "dev.courier.examples.orders.OrderPlacedFireAndForget"));
    }
  }

  @Test
  void theSharedProducerClosesWhenItsLastUserDoesInAnyOrder() {
    SharedProducers first = shared(Map.of());
    OrderPlacedProducer orders = OrderPlacedProducer.create(first);
    OrderPlacedAsyncProducer async = OrderPlacedAsyncProducer.create(first);
    first.close();
    assertThat(made.get(0).closed()).as("its types' producers still use it").isFalse();
    orders.send(order("o-1"));
    orders.close();
    assertThat(made.get(0).closed()).isFalse();
    async.close();
    assertThat(made.get(0).closed()).isTrue();
    assertThatThrownBy(() -> OrderPlacedProducer.create(first)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SharedProducers is closed");

    SharedProducers second = shared(Map.of());
    OrderPlacedProducer again = OrderPlacedProducer.create(second);
    again.close();
    assertThat(made.get(1).closed()).as("the shared producers still hold it").isFalse();
    OrderPlacedProducer.create(second).close();
    assertThat(made).as("asked for again while open: the same producer").hasSize(2);
    second.close();
    assertThat(made.get(1).closed()).isTrue();
    assertThatThrownBy(() -> again.send(order("o-2"))).hasMessageContaining("closed");
  }

  @Test
  void flushOnOneTypeFlushesEveryTypeOnItsProducer() {
    SharedProducers producers = SharedProducers.create(Map.of(), config -> {
      MockProducer<byte[], byte[]> mock = new MockProducer<>(false, null, new ByteArraySerializer(),
          new ByteArraySerializer());
      made.add(mock);
      return mock;
    });
    try (producers;
        OrderPlacedAsyncProducer async = OrderPlacedAsyncProducer.create(producers);
        OrderPlacedProducer orders = OrderPlacedProducer.create(producers)) {
      var pending = async.send(new OrderPlacedAsync("o-1", "c-1", Channel.WEB, List.of(), null, 1, "EUR", "t", AT));
      assertThat(made.get(0).flushed()).isFalse();
      orders.flush();
      assertThat(made.get(0).flushed()).isTrue();
      assertThat(pending).isDone();
    }
  }

  @Test
  void aTransactionalTypeGetsItsOwnProducerInitializedOnce() {
    try (SharedProducers producers = shared(Map.of());
        OrderPlacedProducer orders = OrderPlacedProducer.create(producers);
        PaymentCapturedProducer payments = PaymentCapturedProducer.create(producers);
        PaymentCapturedProducer morePayments = PaymentCapturedProducer.create(producers)) {
      assertThat(made).hasSize(2);
      assertThat(configs.get(1)).containsEntry("transactional.id", "payments-service");
      MockProducer<byte[], byte[]> transactional = made.get(1);
      assertThat(transactional.transactionInitialized()).isTrue();
      payments.inTransaction(tx -> tx.send(payment("p-1")));
      morePayments.inTransaction(tx -> tx.send(payment("p-2")));
      assertThat(transactional.commitCount()).isEqualTo(2);
      assertThat(transactional.history()).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
          .containsExactly("p-1", "p-2");
      orders.send(order("o-1"));
      assertThat(made.get(0).history()).hasSize(1);
      assertThat(producers.groups().get(1).distinguishing()).containsEntry("transactional.id", "payments-service");
    }
  }

  @Test
  void aTransactionalIdForEveryTypeIsRefused() {
    assertThatThrownBy(() -> shared(Map.of("transactional.id", "shop-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transactional.id belongs to one");
  }

  private static OrderPlaced order(String id) {
    return new OrderPlaced(id, "c-1", Channel.WEB, List.of(), null, 5895, "EUR", "t-" + id.substring(2), AT);
  }

  private static PaymentCaptured payment(String id) {
    return new PaymentCaptured(id, "o-1", new BigDecimal("12.50"), "EUR", PaymentCaptured.Method.CARD, AT);
  }

  private static String kafkaDefault(String key) {
    return String.valueOf(ProducerConfig.configDef().defaultValues().get(key));
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.TopicReader;
import dev.courier.processor.fixtures.AllTypes;
import dev.courier.processor.fixtures.AllTypesDeserializer;
import dev.courier.processor.fixtures.AllTypesProducer;
import dev.courier.processor.fixtures.OrderPlaced;
import dev.courier.processor.fixtures.OrderPlacedDeserializer;
import dev.courier.processor.fixtures.OrderPlacedProducer;
import dev.courier.processor.fixtures.Outer;
import dev.courier.processor.fixtures.Outer_InnerProducer;
import dev.courier.processor.fixtures.Partitioned;
import dev.courier.processor.fixtures.Partitioned_ByBytesProducer;
import dev.courier.processor.fixtures.Partitioned_ByLongProducer;
import dev.courier.processor.fixtures.Partitioned_ByStringProducer;
import dev.courier.processor.fixtures.Partitioned_ByUuidProducer;
import dev.courier.processor.fixtures.Payment;
import dev.courier.processor.fixtures.PaymentDeserializer;
import dev.courier.processor.fixtures.PaymentProducer;
import dev.courier.processor.fixtures.Shipment;
import dev.courier.processor.fixtures.ShipmentDeserializer;
import dev.courier.processor.fixtures.ShipmentProducer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.UUIDSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated producers against a real KRaft broker in this JVM (one broker for the class). */
class ProducersIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int PARTITIONS = 6;

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startKafka() {
    kafka = EmbeddedKafka.start();
    for (String topic : List.of("orders", "all-types", "shipments", "payments", "nested", "by-string", "by-long",
        "by-uuid", "by-bytes")) {
      kafka.createTopic(topic, PARTITIONS);
    }
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static Map<String, Object> runtime() {
    return Map.of("bootstrap.servers", kafka.bootstrapServers(), "client.id", "courier-it");
  }

  @Test
  void syncSendReturnsTheOffsetOfTheStoredRecord() {
    // Brokers reject timestamps too far from their clock (message.timestamp.*.max.ms): one from an hour ago.
    Instant placedAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
    OrderPlaced order = new OrderPlaced("o-1", 1250, "trace-1", placedAt);
    RecordMetadata metadata;
    try (OrderPlacedProducer producer = OrderPlacedProducer.create(runtime())) {
      metadata = producer.send(order);
    }

    ConsumerRecord<byte[], byte[]> stored =
        TopicReader.readExactly(kafka.bootstrapServers(), "orders", 1, WAIT).get(0);
    assertThat(stored.partition()).isEqualTo(metadata.partition());
    assertThat(stored.offset()).isEqualTo(metadata.offset());
    assertThat(stored.key()).isEqualTo("o-1".getBytes(StandardCharsets.UTF_8));
    assertThat(stored.timestamp()).isEqualTo(order.placedAt().toEpochMilli());
    assertThat(stored.headers().lastHeader("trace-id").value()).isEqualTo("trace-1".getBytes(StandardCharsets.UTF_8));
    assertThat(new OrderPlacedDeserializer().deserialize("orders", stored.value())).isEqualTo(order);
  }

  @Test
  void asyncSendCompletesWithTheMetadataOfTheStoredRecord() {
    AllTypes message = JsonCodecTest.full();
    RecordMetadata metadata;
    try (AllTypesProducer producer = AllTypesProducer.create(runtime())) {
      metadata = producer.send(message).join();
    }

    ConsumerRecord<byte[], byte[]> stored =
        TopicReader.readExactly(kafka.bootstrapServers(), "all-types", 1, WAIT).get(0);
    assertThat(stored.offset()).isEqualTo(metadata.offset());
    assertThat(stored.partition()).isEqualTo(metadata.partition());
    assertThat(new AllTypesDeserializer().deserialize("all-types", stored.value()))
        .usingRecursiveComparison()
        .isEqualTo(message);
  }

  @Test
  void fireAndForgetDeliversWithoutReportingErrors() {
    List<Exception> failures = new CopyOnWriteArrayList<>();
    try (ShipmentProducer producer =
        ShipmentProducer.create(runtime(), (topic, key, message, e) -> failures.add(e))) {
      for (long id = 1; id <= 3; id++) {
        producer.send(new Shipment(id, "carrier-" + id, null, System.currentTimeMillis() - 60_000 + id));
      }
      producer.flush();
    }

    List<ConsumerRecord<byte[], byte[]>> stored =
        TopicReader.readExactly(kafka.bootstrapServers(), "shipments", 3, WAIT);
    assertThat(failures).isEmpty();
    assertThat(stored)
        .extracting(r -> new ShipmentDeserializer().deserialize("shipments", r.value()).getCarrier())
        .containsExactlyInAnyOrder("carrier-1", "carrier-2", "carrier-3");
    assertThat(stored).extracting(ConsumerRecord::timestamp).allMatch(t -> t > System.currentTimeMillis() - 120_000);
  }

  @Test
  void aTransactionCommitsOrAbortsAsAUnit() {
    try (PaymentProducer producer =
        PaymentProducer.create(Map.of("bootstrap.servers", kafka.bootstrapServers(), "transactional.id",
            "payments-tx-it-1"))) {
      producer.inTransaction(
          tx -> {
            tx.send(new Payment("p-1", 100));
            tx.send(new Payment("p-2", 200));
          });
      assertThatThrownBy(
              () ->
                  producer.inTransaction(
                      tx -> {
                        tx.send(new Payment("aborted-1", 1)).join();
                        tx.send(new Payment("aborted-2", 2)).join();
                        throw new IllegalStateException("changed my mind");
                      }))
          .hasMessage("changed my mind");
      producer.inTransaction(tx -> tx.send(new Payment("p-3", 300)));
    }

    List<ConsumerRecord<byte[], byte[]>> committed =
        TopicReader.readExactly(kafka.bootstrapServers(), "payments", 3, WAIT);
    assertThat(committed)
        .extracting(r -> new PaymentDeserializer().deserialize("payments", r.value()).paymentId())
        .containsExactlyInAnyOrder("p-1", "p-2", "p-3");
  }

  @Test
  void keysLandOnTheSamePartitionAsWithAPlainProducerAndTheStockSerializer() {
    List<String> strings = new ArrayList<>();
    List<Long> longs = new ArrayList<>();
    List<UUID> uuids = new ArrayList<>();
    List<byte[]> bytes = new ArrayList<>();
    List<Integer> ints = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      strings.add("customer-" + i);
      longs.add(1_000_003L * i);
      uuids.add(new UUID(i * 31L, i * 17L));
      bytes.add(ByteBuffer.allocate(4).putInt(i * 7919).array());
      ints.add(i * 104_729);
    }
    try (Partitioned_ByStringProducer byString = Partitioned_ByStringProducer.create(runtime());
        Partitioned_ByLongProducer byLong = Partitioned_ByLongProducer.create(runtime());
        Partitioned_ByUuidProducer byUuid = Partitioned_ByUuidProducer.create(runtime());
        Partitioned_ByBytesProducer byBytes = Partitioned_ByBytesProducer.create(runtime());
        Outer_InnerProducer byInt = Outer_InnerProducer.create(runtime())) {
      assertSamePartitions("by-string", strings, new StringSerializer(),
          key -> byString.send(new Partitioned.ByString(key, 0)).partition());
      assertSamePartitions("by-long", longs, new LongSerializer(),
          key -> byLong.send(new Partitioned.ByLong(key, 0)).partition());
      assertSamePartitions("by-uuid", uuids, new UUIDSerializer(),
          key -> byUuid.send(new Partitioned.ByUuid(key, 0)).partition());
      assertSamePartitions("by-bytes", bytes, new ByteArraySerializer(),
          key -> byBytes.send(new Partitioned.ByBytes(key, 0)).partition());
      assertSamePartitions("nested", ints, new IntegerSerializer(),
          key -> byInt.send(new Outer.Inner(key, "x")).partition());
    }
  }

  private static <K> void assertSamePartitions(
      String topic, List<K> keys, Serializer<K> stock, Function<K, Integer> generated) {
    List<Integer> viaCourier = keys.stream().map(generated).toList();
    List<Integer> viaPlain = new ArrayList<>();
    try (KafkaProducer<K, byte[]> plain =
        new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()), stock, new ByteArraySerializer())) {
      for (K key : keys) {
        viaPlain.add(send(plain, topic, key).partition());
      }
    }
    assertThat(viaCourier).as("partitions of %s", topic).isEqualTo(viaPlain);
    assertThat(viaCourier.stream().distinct().count()).as("keys spread over partitions").isGreaterThan(1);
  }

  private static <K> RecordMetadata send(KafkaProducer<K, byte[]> producer, String topic, K key) {
    try {
      return producer.send(new ProducerRecord<>(topic, key, new byte[] {1})).get();
    } catch (Exception e) {
      throw new AssertionError("plain producer failed for key " + key, e);
    }
  }
}

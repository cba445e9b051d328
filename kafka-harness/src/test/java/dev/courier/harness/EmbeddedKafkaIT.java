/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.Acks;
import dev.courier.config.ProducerSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real KRaft broker in the test JVM: idempotent and transactional producers, read_committed, restart. */
class EmbeddedKafkaIT {
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startKafka() {
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static KafkaProducer<String, String> producer(ProducerSettings settings) {
    Map<String, Object> props = settings.merge(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void idempotentProducerWritesAndReadCommittedConsumerReadsThem() throws Exception {
    kafka.createTopic("idempotent", 3);
    ProducerSettings settings = ProducerSettings.builder().acks(Acks.ALL).idempotence(true).build();
    try (KafkaProducer<String, String> producer = producer(settings)) {
      for (int i = 0; i < 30; i++) {
        RecordMetadata metadata = producer.send(new ProducerRecord<>("idempotent", "k" + i, "v" + i))
            .get(30, TimeUnit.SECONDS);
        assertThat(metadata.offset()).isGreaterThanOrEqualTo(0);
      }
    }
    List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readExactly(kafka.bootstrapServers(), "idempotent", 30,
        Duration.ofSeconds(30));
    assertThat(values(records)).hasSize(30).doesNotHaveDuplicates().allMatch(v -> v.startsWith("v"));
    assertThat(records).extracting(ConsumerRecord::partition).containsOnly(0, 1, 2);
  }

  @Test
  void readCommittedSeesCommittedTransactionsAndNoneOfAnAbortedOne() {
    kafka.createTopic("transactional", 1);
    ProducerSettings settings = ProducerSettings.builder().acks(Acks.ALL).idempotence(true)
        .transactionalId("courier-harness-it").build();
    try (KafkaProducer<String, String> producer = producer(settings)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("transactional", "a", "committed-1"));
      producer.send(new ProducerRecord<>("transactional", "b", "committed-2"));
      producer.commitTransaction();

      producer.beginTransaction();
      producer.send(new ProducerRecord<>("transactional", "c", "aborted-1"));
      producer.send(new ProducerRecord<>("transactional", "d", "aborted-2"));
      producer.flush();
      producer.abortTransaction();

      producer.beginTransaction();
      producer.send(new ProducerRecord<>("transactional", "e", "committed-3"));
      producer.commitTransaction();
    }
    List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readExactly(kafka.bootstrapServers(), "transactional",
        3, Duration.ofSeconds(30));
    assertThat(values(records)).containsExactly("committed-1", "committed-2", "committed-3");
    // The aborted records are in the log (offsets 3 and 4 are taken by them), just not visible to read_committed.
    assertThat(records.get(2).offset()).isGreaterThan(4);
  }

  @Test
  void readExactlyFailsWithWhatItGotWhenRecordsAreMissingOrExtra() throws Exception {
    kafka.createTopic("short", 1);
    try (KafkaProducer<String, String> producer = producer(ProducerSettings.builder().build())) {
      producer.send(new ProducerRecord<>("short", "k", "only")).get(30, TimeUnit.SECONDS);
    }
    assertThatThrownBy(() -> TopicReader.readExactly(kafka.bootstrapServers(), "short", 2, Duration.ofSeconds(1)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("got 1").hasMessageContaining("k=only");
    assertThatThrownBy(() -> TopicReader.readExactly(kafka.bootstrapServers(), "short", 0, Duration.ofSeconds(1)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("exactly 0").hasMessageContaining("got 1");
    assertThat(TopicReader.readAll(kafka.bootstrapServers(), "short", Duration.ofMillis(300))).hasSize(1);
  }

  @Test
  void createTopicRejectsAnExistingTopic() {
    kafka.createTopic("twice", 1);
    assertThatThrownBy(() -> kafka.createTopic("twice", 1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'twice' exists already");
  }

  @Test
  void producerSucceedsAfterBrokerRestartOnTheSamePortAndData() throws Exception {
    kafka.createTopic("restart", 1);
    ProducerSettings settings = ProducerSettings.builder().acks(Acks.ALL).idempotence(true).build();
    String bootstrap = kafka.bootstrapServers();
    try (KafkaProducer<String, String> producer = producer(settings)) {
      producer.send(new ProducerRecord<>("restart", "k", "before")).get(30, TimeUnit.SECONDS);
    }
    kafka.stopBroker();
    assertThat(kafka.isBrokerRunning()).isFalse();
    kafka.startBroker();
    assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
    try (KafkaProducer<String, String> producer = producer(settings)) {
      producer.send(new ProducerRecord<>("restart", "k", "after")).get(30, TimeUnit.SECONDS);
    }
    assertThat(values(TopicReader.readExactly(bootstrap, "restart", 2, Duration.ofSeconds(30))))
        .containsExactly("before", "after");
  }
}

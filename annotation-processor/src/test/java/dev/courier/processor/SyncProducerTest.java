/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.processor.fixtures.OrderPlaced;
import dev.courier.processor.fixtures.OrderPlacedProducer;
import dev.courier.processor.fixtures.OrderPlacedSerializer;
import dev.courier.runtime.SendException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The generated SYNC producer, on a {@link MockProducer}. */
class SyncProducerTest {
  private static final Instant PLACED = Instant.parse("2026-11-27T10:15:30Z");

  @Test
  void sendReturnsTheMetadataOfTheRecordBuiltFromTheMembers() {
    MockProducer<String, OrderPlaced> mock =
        new MockProducer<>(true, null, new StringSerializer(), new OrderPlacedSerializer());
    try (OrderPlacedProducer producer = new OrderPlacedProducer(mock)) {
      RecordMetadata metadata = producer.send(new OrderPlaced("o-1", 1250, "t-9", PLACED));

      assertThat(metadata.topic()).isEqualTo("orders");
      assertThat(mock.history()).hasSize(1);
      ProducerRecord<String, OrderPlaced> record = mock.history().get(0);
      assertThat(record.key()).isEqualTo("o-1");
      assertThat(record.timestamp()).isEqualTo(PLACED.toEpochMilli());
      assertThat(new String(record.headers().lastHeader("trace-id").value(), StandardCharsets.UTF_8))
          .isEqualTo("t-9");
    }
  }

  @Test
  void nullHeaderAndTimestampAreLeftOut() {
    MockProducer<String, OrderPlaced> mock =
        new MockProducer<>(true, null, new StringSerializer(), new OrderPlacedSerializer());
    OrderPlacedProducer producer = new OrderPlacedProducer(mock);

    ProducerRecord<String, OrderPlaced> record = producer.toRecord(new OrderPlaced("o-1", 1, null, null));

    assertThat(record.headers().toArray()).isEmpty();
    assertThat(record.timestamp()).isNull();
  }

  @Test
  void aFailedSendThrowsSendExceptionNamingTopicKeyAndCause() {
    MockProducer<String, OrderPlaced> mock =
        new MockProducer<>(false, null, new StringSerializer(), new OrderPlacedSerializer());
    OrderPlacedProducer producer = new OrderPlacedProducer(mock);
    Thread failer =
        new Thread(
            () -> {
              while (!mock.errorNext(new TimeoutException("delivery timed out"))) {
                Thread.onSpinWait();
              }
            });
    failer.start();

    assertThatThrownBy(() -> producer.send(new OrderPlaced("o-7", 1, null, null)))
        .isInstanceOf(SendException.class)
        .hasMessageContaining("topic orders")
        .hasMessageContaining("key o-7")
        .hasCauseInstanceOf(TimeoutException.class);
  }

  @Test
  void tombstoneHasTheKeyAndNoValue() {
    MockProducer<String, OrderPlaced> mock =
        new MockProducer<>(true, null, new StringSerializer(), new OrderPlacedSerializer());
    OrderPlacedProducer producer = new OrderPlacedProducer(mock);

    producer.sendTombstone("o-1");

    assertThat(mock.history().get(0).key()).isEqualTo("o-1");
    assertThat(mock.history().get(0).value()).isNull();
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.config.ProducerSettingsException;
import dev.courier.processor.fixtures.AllTypes;
import dev.courier.processor.fixtures.AllTypesProducer;
import dev.courier.processor.fixtures.AllTypesSerializer;
import dev.courier.processor.fixtures.Heartbeat;
import dev.courier.processor.fixtures.HeartbeatProducer;
import dev.courier.processor.fixtures.HeartbeatSerializer;
import dev.courier.processor.fixtures.Outer;
import dev.courier.processor.fixtures.Outer_InnerProducer;
import dev.courier.processor.fixtures.Outer_InnerSerializer;
import dev.courier.processor.fixtures.Payment;
import dev.courier.processor.fixtures.PaymentProducer;
import dev.courier.processor.fixtures.PaymentSerializer;
import dev.courier.processor.fixtures.RawEvent;
import dev.courier.processor.fixtures.RawEventProducer;
import dev.courier.processor.fixtures.RawEventSerializer;
import dev.courier.processor.fixtures.RawKeySerializer;
import dev.courier.processor.fixtures.Shipment;
import dev.courier.processor.fixtures.ShipmentProducer;
import dev.courier.processor.fixtures.ShipmentSerializer;
import dev.courier.runtime.SendException;
import dev.courier.runtime.TransactionFailedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.UUIDSerializer;
import org.apache.kafka.common.serialization.VoidSerializer;
import org.junit.jupiter.api.Test;

/** The generated producers of every send mode, on {@link MockProducer}s. */
class GeneratedProducersTest {

  // ------------------------------------------------------------------------------------------------ ASYNC

  @Test
  void asyncSendCompletesWithTheMetadata() {
    MockProducer<UUID, AllTypes> mock =
        new MockProducer<>(false, null, new UUIDSerializer(), new AllTypesSerializer());
    AllTypesProducer producer = new AllTypesProducer(mock);
    AllTypes message = JsonCodecTest.full();

    CompletableFuture<RecordMetadata> result = producer.send(message);

    assertThat(result).isNotDone();
    assertThat(mock.completeNext()).isTrue();
    assertThat(result.join().topic()).isEqualTo("all-types");
    assertThat(mock.history().get(0).key()).isEqualTo(message.id());
  }

  @Test
  void asyncSendCompletesExceptionallyWithTopicKeyAndCause() {
    MockProducer<UUID, AllTypes> mock =
        new MockProducer<>(false, null, new UUIDSerializer(), new AllTypesSerializer());
    AllTypesProducer producer = new AllTypesProducer(mock);
    AllTypes message = JsonCodecTest.full();

    CompletableFuture<RecordMetadata> result = producer.send(message);
    mock.errorNext(new RecordTooLargeException("too large"));

    assertThatThrownBy(result::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(SendException.class)
        .hasMessageContaining("topic all-types with key " + message.id())
        .hasCauseInstanceOf(RecordTooLargeException.class);
  }

  @Test
  void asyncSendNeverThrowsForAFailureBeforeQueueing() {
    MockProducer<UUID, AllTypes> mock =
        new MockProducer<>(true, null, new UUIDSerializer(), new AllTypesSerializer());
    AllTypesProducer producer = new AllTypesProducer(mock);
    producer.close();

    CompletableFuture<RecordMetadata> result = producer.send(JsonCodecTest.full());

    assertThat(result).isCompletedExceptionally();
    assertThatThrownBy(result::join).cause().isInstanceOf(SendException.class);
  }

  @Test
  void asyncCallbackFormReportsToTheCallback() {
    MockProducer<UUID, AllTypes> mock =
        new MockProducer<>(true, null, new UUIDSerializer(), new AllTypesSerializer());
    AllTypesProducer producer = new AllTypesProducer(mock);
    AtomicReference<RecordMetadata> seen = new AtomicReference<>();

    producer.send(JsonCodecTest.full(), (metadata, exception) -> seen.set(metadata));

    assertThat(seen.get()).isNotNull();
    assertThat(seen.get().topic()).isEqualTo("all-types");
  }

  // ------------------------------------------------------------------------------------------------ FIRE_AND_FORGET

  @Test
  void fireAndForgetHandsFailuresToTheErrorHandler() {
    MockProducer<Long, Shipment> mock =
        new MockProducer<>(false, null, new LongSerializer(), new ShipmentSerializer());
    List<String> failures = new ArrayList<>();
    ShipmentProducer producer =
        new ShipmentProducer(mock, (topic, key, message, e) -> failures.add(topic + "/" + key + "/" + e.getMessage()));
    Shipment shipment = new Shipment(42L, "DHL", "sig".getBytes(StandardCharsets.UTF_8), 1_700_000_000_000L);

    producer.send(shipment);
    mock.errorNext(new RecordTooLargeException("too large"));

    assertThat(failures).containsExactly("shipments/42/too large");
    ProducerRecord<Long, Shipment> record = mock.history().get(0);
    assertThat(record.timestamp()).isEqualTo(1_700_000_000_000L);
    assertThat(record.headers().lastHeader("signature").value()).isEqualTo("sig".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void fireAndForgetNeverThrowsEvenWhenTheProducerIsClosed() {
    MockProducer<Long, Shipment> mock =
        new MockProducer<>(true, null, new LongSerializer(), new ShipmentSerializer());
    List<Exception> failures = new ArrayList<>();
    ShipmentProducer producer = new ShipmentProducer(mock, (topic, key, message, e) -> failures.add(e));
    producer.close();

    producer.send(new Shipment(1L, "UPS", null, 0L));
    producer.sendTombstone(1L);

    assertThat(failures).hasSize(2).allMatch(e -> e instanceof IllegalStateException);
  }

  @Test
  void aMessageWithoutKeySendsANullKey() {
    MockProducer<Void, Heartbeat> mock =
        new MockProducer<>(true, null, new VoidSerializer(), new HeartbeatSerializer());
    HeartbeatProducer producer = new HeartbeatProducer(mock);

    producer.send(new Heartbeat("node-1", 7));

    assertThat(mock.history().get(0).key()).isNull();
    assertThat(mock.history().get(0).topic()).isEqualTo("heartbeats");
  }

  // ------------------------------------------------------------------------------------------------ transactions

  @Test
  void theWrappingConstructorLeavesInitTransactionsToWhoeverMadeTheProducer() {
    MockProducer<String, Payment> mock =
        new MockProducer<>(true, null, new StringSerializer(), new PaymentSerializer());

    new PaymentProducer(mock);

    assertThat(mock.transactionInitialized()).isFalse();
  }

  @Test
  void aTransactionCommitsEverythingItSent() {
    MockProducer<String, Payment> mock =
        new MockProducer<>(true, null, new StringSerializer(), new PaymentSerializer());
    mock.initTransactions(); // as create() does; the constructor leaves it to whoever made the producer
    PaymentProducer producer = new PaymentProducer(mock);

    producer.inTransaction(
        tx -> {
          tx.send(new Payment("p-1", 100));
          tx.send(new Payment("p-2", 200));
          tx.sendTombstone("p-0");
        });

    assertThat(mock.transactionInitialized()).isTrue();
    assertThat(mock.transactionCommitted()).isTrue();
    assertThat(mock.history()).extracting(ProducerRecord::key).containsExactly("p-1", "p-2", "p-0");
  }

  @Test
  void whenTheWorkThrowsTheTransactionIsAbortedAndTheExceptionRethrown() {
    MockProducer<String, Payment> mock =
        new MockProducer<>(true, null, new StringSerializer(), new PaymentSerializer());
    mock.initTransactions(); // as create() does; the constructor leaves it to whoever made the producer
    PaymentProducer producer = new PaymentProducer(mock);
    IllegalArgumentException failure = new IllegalArgumentException("business rule");

    assertThatThrownBy(
            () ->
                producer.inTransaction(
                    tx -> {
                      tx.send(new Payment("p-1", 100));
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(mock.transactionAborted()).isTrue();
    assertThat(mock.transactionCommitted()).isFalse();
    assertThat(mock.history()).isEmpty();
  }

  @Test
  void aFailedCommitAbortsAndThrowsARetriableFailure() {
    MockProducer<String, Payment> mock =
        new MockProducer<>(true, null, new StringSerializer(), new PaymentSerializer());
    mock.initTransactions(); // as create() does; the constructor leaves it to whoever made the producer
    PaymentProducer producer = new PaymentProducer(mock);
    mock.commitTransactionException = new KafkaException("broker said no");

    assertThatThrownBy(() -> producer.inTransaction(tx -> tx.send(new Payment("p-1", 100))))
        .isInstanceOf(TransactionFailedException.class)
        .hasMessageContaining("PaymentProducer (topic payments) could not commit and was aborted")
        .satisfies(e -> assertThat(((TransactionFailedException) e).isFatal()).isFalse());
    assertThat(mock.transactionAborted()).isTrue();
  }

  @Test
  void fencingIsFatalAndNotAborted() {
    MockProducer<String, Payment> mock =
        new MockProducer<>(true, null, new StringSerializer(), new PaymentSerializer());
    mock.initTransactions(); // as create() does; the constructor leaves it to whoever made the producer
    PaymentProducer producer = new PaymentProducer(mock);
    mock.commitTransactionException = new ProducerFencedException("another instance");

    assertThatThrownBy(() -> producer.inTransaction(tx -> tx.send(new Payment("p-1", 100))))
        .isInstanceOf(TransactionFailedException.class)
        .hasMessageContaining("cannot continue")
        .satisfies(e -> assertThat(((TransactionFailedException) e).isFatal()).isTrue());
    assertThat(mock.transactionAborted()).isFalse();
  }

  @Test
  void aTransactionCannotBeUsedAfterItsWorkReturned() {
    MockProducer<String, Payment> mock =
        new MockProducer<>(true, null, new StringSerializer(), new PaymentSerializer());
    mock.initTransactions(); // as create() does; the constructor leaves it to whoever made the producer
    PaymentProducer producer = new PaymentProducer(mock);
    AtomicReference<PaymentProducer.Transaction> leaked = new AtomicReference<>();

    producer.inTransaction(leaked::set);

    assertThatThrownBy(() -> leaked.get().send(new Payment("late", 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has ended");
  }

  // ------------------------------------------------------------------------------------------------ SYNC, nested, declared

  @Test
  void nestedTypesUseJoinedNamesAndPrimitiveKeysBox() {
    MockProducer<Integer, Outer.Inner> mock =
        new MockProducer<>(true, null, new IntegerSerializer(), new Outer_InnerSerializer());
    Outer_InnerProducer producer = new Outer_InnerProducer(mock);

    RecordMetadata metadata = producer.send(new Outer.Inner(7, "seven"));

    assertThat(metadata.topic()).isEqualTo("nested");
    assertThat(mock.history().get(0).key()).isEqualTo(7);
  }

  @Test
  void declaredSerializersAreUsedAsGiven() {
    MockProducer<CharSequence, RawEvent> mock =
        new MockProducer<>(true, null, new RawKeySerializer(), new RawEventSerializer());
    RawEventProducer producer = new RawEventProducer(mock);

    producer.send(new RawEvent("k", "payload")).join();

    assertThat(mock.history().get(0).key()).isEqualTo("k");
  }

  // ------------------------------------------------------------------------------------------------ create

  @Test
  void createRejectsARuntimePropertyThatContradictsAFixedOne() {
    assertThatThrownBy(
            () -> ShipmentProducer.create(Map.of("bootstrap.servers", "localhost:1", "compression.type", "gzip")))
        .isInstanceOf(ProducerSettingsException.class)
        .hasMessageContaining("[courier.conflict]")
        .hasMessageContaining("compression.type")
        .hasMessageContaining("@KafkaMessage(compression) on dev.courier.processor.fixtures.Shipment");
  }

  @Test
  void createRejectsAnotherValueSerializer() {
    assertThatThrownBy(
            () ->
                ShipmentProducer.create(
                    Map.of("bootstrap.servers", "localhost:1", "value.serializer", StringSerializer.class.getName())))
        .isInstanceOf(ProducerSettingsException.class)
        .hasMessageContaining("[courier.conflict]")
        .hasMessageContaining("value.serializer");
  }

  @Test
  void createBuildsAKafkaProducerWhenTheRuntimePropertiesAgree() {
    try (ShipmentProducer producer =
        ShipmentProducer.create(Map.of("bootstrap.servers", "localhost:1", "compression.type", "lz4", "acks", "all"))) {
      assertThat(producer).isNotNull();
    }
  }
}

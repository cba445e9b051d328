/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.courier.processor.fixtures.Heartbeat;
import dev.courier.processor.fixtures.HeartbeatProducer;
import dev.courier.processor.fixtures.HeartbeatSerializer;
import dev.courier.processor.fixtures.NullKeys;
import dev.courier.processor.fixtures.NullKeys_AsyncKeyedProducer;
import dev.courier.processor.fixtures.NullKeys_AsyncKeyedSerializer;
import dev.courier.processor.fixtures.NullKeys_FireKeyedProducer;
import dev.courier.processor.fixtures.NullKeys_FireKeyedSerializer;
import dev.courier.processor.fixtures.NullKeys_MaybeKeyedProducer;
import dev.courier.processor.fixtures.NullKeys_MaybeKeyedSerializer;
import dev.courier.processor.fixtures.NullKeys_SyncKeyedProducer;
import dev.courier.processor.fixtures.NullKeys_SyncKeyedSerializer;
import dev.courier.processor.fixtures.Payment;
import dev.courier.processor.fixtures.PaymentProducer;
import dev.courier.processor.fixtures.PaymentSerializer;
import dev.courier.runtime.NullKeyException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.VoidSerializer;
import org.junit.jupiter.api.Test;

/**
 * A message whose {@code @PartitionKey} member is {@code null} is refused by its generated producer in every send
 * mode: {@code send} throws a {@link NullKeyException} on the caller's thread, before anything reaches the
 * {@code Producer}, and neither a future nor an error handler sees it. {@code @PartitionKey(nullable = true)} and
 * types without a key send {@code null} keys.
 */
class NullKeyProducersTest {

  private static void assertRefused(Throwable thrown, String type) {
    assertThat(thrown)
        .isInstanceOf(NullKeyException.class)
        .hasMessage("the @PartitionKey member 'id' of " + type + " has no value, so the record would have a null"
            + " key and land on an arbitrary partition, out of order with the other records of its key. Fix: set id"
            + " on every message, or declare @PartitionKey(nullable = true) on it if " + type + " messages may"
            + " have no key");
    assertThat(((NullKeyException) thrown).messageType()).isEqualTo(type);
    assertThat(((NullKeyException) thrown).keyMember()).isEqualTo("id");
  }

  @Test
  void syncSendThrowsAndSendsNothing() {
    MockProducer<String, NullKeys.SyncKeyed> mock =
        new MockProducer<>(true, null, new StringSerializer(), new NullKeys_SyncKeyedSerializer());
    NullKeys_SyncKeyedProducer producer = new NullKeys_SyncKeyedProducer(mock);

    Throwable thrown = catchThrowable(
        () -> producer.send(new NullKeys.SyncKeyed(null, 1)));

    assertRefused(thrown, "dev.courier.processor.fixtures.NullKeys$SyncKeyed");
    assertThat(mock.history()).isEmpty();
    assertThat(producer.send(new NullKeys.SyncKeyed("k", 2)).topic()).isEqualTo("sync-keyed");
  }

  @Test
  void asyncSendThrowsInsteadOfReturningAFailedFuture() {
    MockProducer<Long, NullKeys.AsyncKeyed> mock =
        new MockProducer<>(true, null, new LongSerializer(), new NullKeys_AsyncKeyedSerializer());
    NullKeys_AsyncKeyedProducer producer = new NullKeys_AsyncKeyedProducer(mock);
    List<CompletableFuture<RecordMetadata>> futures = new ArrayList<>();
    AtomicInteger callbacks = new AtomicInteger();

    Throwable thrown = catchThrowable(
        () -> futures.add(producer.send(new NullKeys.AsyncKeyed(null, 1))));
    Throwable thrownWithCallback = catchThrowable(
        () -> producer.send(new NullKeys.AsyncKeyed(null, 1), (metadata, e) -> callbacks.incrementAndGet()));

    String type = "dev.courier.processor.fixtures.NullKeys$AsyncKeyed";
    assertRefused(thrown, type);
    assertRefused(thrownWithCallback, type);
    assertThat(futures).isEmpty();
    assertThat(callbacks).hasValue(0);
    assertThat(mock.history()).isEmpty();
    assertThat(producer.send(new NullKeys.AsyncKeyed(7L, 2)).join().topic()).isEqualTo("async-keyed");
  }

  @Test
  void fireAndForgetSendThrowsAndTheErrorHandlerSeesNothing() {
    MockProducer<String, NullKeys.FireKeyed> mock =
        new MockProducer<>(true, null, new StringSerializer(), new NullKeys_FireKeyedSerializer());
    List<Exception> handled = new ArrayList<>();
    NullKeys_FireKeyedProducer producer =
        new NullKeys_FireKeyedProducer(mock, (topic, key, message, e) -> handled.add(e));

    Throwable thrown = catchThrowable(
        () -> producer.send(new NullKeys.FireKeyed(null, 1)));

    assertRefused(thrown, "dev.courier.processor.fixtures.NullKeys$FireKeyed");
    assertThat(handled).isEmpty();
    assertThat(mock.history()).isEmpty();
  }

  @Test
  void aTransactionalSendThrowsSoTheTransactionIsAborted() {
    MockProducer<String, Payment> mock =
        new MockProducer<>(true, null, new StringSerializer(), new PaymentSerializer());
    mock.initTransactions(); // as create() does; the constructor leaves it to whoever made the producer
    PaymentProducer producer = new PaymentProducer(mock);

    assertThatThrownBy(
            () ->
                producer.inTransaction(
                    tx -> {
                      tx.send(new Payment("p-1", 100));
                      tx.send(new Payment(null, 200));
                    }))
        .isInstanceOf(NullKeyException.class)
        .hasMessageContaining("'paymentId' of dev.courier.processor.fixtures.Payment has no value");

    assertThat(mock.transactionAborted()).isTrue();
    assertThat(mock.transactionCommitted()).isFalse();
    assertThat(mock.history()).isEmpty();
  }

  @Test
  void toRecordRefusesTheMessageToo() {
    NullKeys_SyncKeyedProducer producer = new NullKeys_SyncKeyedProducer(
        new MockProducer<>(true, null, new StringSerializer(), new NullKeys_SyncKeyedSerializer()));

    assertThatThrownBy(() -> producer.toRecord(new NullKeys.SyncKeyed(null, 1)))
        .isInstanceOf(NullKeyException.class);
  }

  @Test
  void aKeyDeclaredNullableIsSentAsANullKey() {
    MockProducer<String, NullKeys.MaybeKeyed> mock =
        new MockProducer<>(true, null, new StringSerializer(), new NullKeys_MaybeKeyedSerializer());
    NullKeys_MaybeKeyedProducer producer = new NullKeys_MaybeKeyedProducer(mock);

    producer.send(new NullKeys.MaybeKeyed(null, 1)).join();
    producer.send(new NullKeys.MaybeKeyed("k", 2)).join();

    assertThat(mock.history()).extracting(r -> r.key()).containsExactly(null, "k");
  }

  @Test
  void aTypeWithoutKeyStillSendsNullKeys() {
    MockProducer<Void, Heartbeat> mock =
        new MockProducer<>(true, null, new VoidSerializer(), new HeartbeatSerializer());
    List<Exception> handled = new ArrayList<>();
    HeartbeatProducer producer = new HeartbeatProducer(mock, (topic, key, message, e) -> handled.add(e));

    producer.send(new Heartbeat("node-1", 7));

    assertThat(handled).isEmpty();
    assertThat(mock.history()).singleElement().satisfies(r -> assertThat(r.key()).isNull());
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TransactionsTest {

  private static MockProducer<String, String> producer() {
    MockProducer<String, String> producer =
        new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    producer.initTransactions();
    return producer;
  }

  @Test
  void initClosesAProducerWhoseTransactionsCannotStart() {
    MockProducer<String, String> producer =
        new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    TimeoutException unreachable = new TimeoutException("no broker within max.block.ms");
    producer.initTransactionException = unreachable;

    assertThatThrownBy(() -> Transactions.init(producer)).isSameAs(unreachable);
    assertThat(producer.closed()).isTrue();
  }

  @Test
  void initPreparesAProducerForTransactions() {
    MockProducer<String, String> producer =
        new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());

    Transactions.init(producer);

    assertThat(producer.transactionInitialized()).isTrue();
    assertThat(producer.closed()).isFalse();
  }

  @Test
  void commitsWhatTheWorkSent() {
    MockProducer<String, String> producer = producer();

    Transactions.run(producer, "test producer", () -> producer.send(new ProducerRecord<>("t", "k", "v")));

    assertThat(producer.transactionCommitted()).isTrue();
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void abortsAndRethrowsWhatTheWorkThrows() {
    MockProducer<String, String> producer = producer();
    AssertionError failure = new AssertionError("work failed");

    assertThatThrownBy(
            () ->
                Transactions.run(
                    producer,
                    "test producer",
                    () -> {
                      producer.send(new ProducerRecord<>("t", "k", "v"));
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(producer.transactionAborted()).isTrue();
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void anAbortableCommitFailureAbortsAndCanBeRetried() {
    MockProducer<String, String> producer = producer();
    producer.commitTransactionException = new TransactionAbortableException("retry me");

    assertThatThrownBy(() -> Transactions.run(producer, "test producer", () -> {}))
        .isInstanceOf(TransactionFailedException.class)
        .hasMessageStartingWith("A transaction of test producer could not commit and was aborted")
        .hasCauseInstanceOf(TransactionAbortableException.class)
        .satisfies(e -> assertThat(((TransactionFailedException) e).isFatal()).isFalse());
    assertThat(producer.transactionAborted()).isTrue();

    producer.commitTransactionException = null;
    Transactions.run(producer, "test producer", () -> producer.send(new ProducerRecord<>("t", "k", "v")));
    assertThat(producer.transactionCommitted()).isTrue();
  }

  @Test
  void fatalErrorsAreNotAbortedAndSaySoEvenWhenWrapped() {
    assertThat(Transactions.isFatal(new ProducerFencedException("fenced"))).isTrue();
    assertThat(Transactions.isFatal(new OutOfOrderSequenceException("sequence"))).isTrue();
    assertThat(Transactions.isFatal(new TransactionalIdAuthorizationException("denied"))).isTrue();
    assertThat(Transactions.isFatal(new KafkaException("error state", new ProducerFencedException("f")))).isTrue();
    assertThat(Transactions.isFatal(new TransactionAbortableException("abortable"))).isFalse();

    MockProducer<String, String> producer = producer();
    producer.beginTransactionException = new ProducerFencedException("another instance");
    assertThatThrownBy(() -> Transactions.run(producer, "test producer", () -> {}))
        .isInstanceOf(TransactionFailedException.class)
        .hasMessageContaining("could not begin and the producer cannot continue")
        .satisfies(e -> assertThat(((TransactionFailedException) e).isFatal()).isTrue());
    assertThat(producer.transactionAborted()).isFalse();
  }

  @Test
  void keysAreDescribedReadablyForMessagesAndLogs() {
    assertThat(Keys.describe(null)).isEqualTo("null");
    assertThat(Keys.describe(42L)).isEqualTo("42");
    assertThat(Keys.describe(new byte[] {0x0a, (byte) 0xff})).isEqualTo("0x0aff");
    assertThat(Keys.describe(new byte[40])).endsWith("... (40 bytes)");
    assertThat(new SendException("orders", "o-1", new KafkaException("boom")).getMessage())
        .isEqualTo(
            "Sending a record to topic orders with key o-1 failed: org.apache.kafka.common.KafkaException: boom");
  }
}

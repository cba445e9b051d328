/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.harness.EmbeddedKafka;
import dev.courier.processor.fixtures.AllTypesProducer;
import dev.courier.processor.fixtures.OrderPlaced;
import dev.courier.processor.fixtures.OrderPlacedProducer;
import dev.courier.processor.fixtures.Shipment;
import dev.courier.processor.fixtures.ShipmentProducer;
import dev.courier.runtime.SendException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What each send mode does when the broker is gone: SYNC throws, ASYNC completes exceptionally, FIRE_AND_FORGET
 * calls its error handler, each within the delivery timeout. Its own broker, because it stops it.
 */
@Tag("scenario")
class BrokerDownIT {
  private static final int DELIVERY_TIMEOUT_MS = 4000;
  private static final int MAX_BLOCK_MS = 2000;
  /** Scheduling slack on a loaded 2-core machine. */
  private static final long SLACK_MS = 5000;

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startKafka() {
    kafka = EmbeddedKafka.start();
    kafka.createTopic("orders", 1);
    kafka.createTopic("all-types", 1);
    kafka.createTopic("shipments", 1);
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void everySendModeReportsTheFailureWithinTheDeliveryTimeout() throws Exception {
    Map<String, Object> runtime =
        Map.of(
            "bootstrap.servers", kafka.bootstrapServers(),
            "delivery.timeout.ms", DELIVERY_TIMEOUT_MS,
            "request.timeout.ms", 1000,
            "max.block.ms", MAX_BLOCK_MS,
            "reconnect.backoff.max.ms", 200);
    CountDownLatch handled = new CountDownLatch(1);
    AtomicReference<Exception> handledFailure = new AtomicReference<>();
    try (OrderPlacedProducer sync = OrderPlacedProducer.create(runtime);
        AllTypesProducer async = AllTypesProducer.create(runtime);
        ShipmentProducer fireAndForget =
            ShipmentProducer.create(
                runtime,
                (topic, key, message, e) -> {
                  handledFailure.set(e);
                  handled.countDown();
                })) {
      // While the broker is up: each producer learns the topic's metadata.
      sync.send(new OrderPlaced("warm-up", 1, null, null));
      async.send(JsonCodecTest.full()).join();
      fireAndForget.send(new Shipment(1L, "warm-up", null, 1L));
      fireAndForget.flush();
      assertThat(handledFailure.get()).isNull();

      kafka.stopBroker();
      long start = System.nanoTime();

      CompletableFuture<RecordMetadata> asyncResult = async.send(JsonCodecTest.full());
      fireAndForget.send(new Shipment(2L, "lost", null, 2L));
      assertThatThrownBy(() -> sync.send(new OrderPlaced("o-down", 1, null, null)))
          .isInstanceOf(SendException.class)
          .hasMessageContaining("topic orders with key o-down")
          .hasCauseInstanceOf(TimeoutException.class);
      long syncMillis = elapsedMillis(start);

      assertThatThrownBy(() -> asyncResult.get(DELIVERY_TIMEOUT_MS + SLACK_MS, TimeUnit.MILLISECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(SendException.class)
          .hasCauseInstanceOf(TimeoutException.class);
      assertThat(handled.await(DELIVERY_TIMEOUT_MS + SLACK_MS, TimeUnit.MILLISECONDS)).isTrue();
      long allMillis = elapsedMillis(start);

      assertThat(handledFailure.get()).isInstanceOf(TimeoutException.class);
      assertThat(syncMillis).isLessThan(MAX_BLOCK_MS + DELIVERY_TIMEOUT_MS + SLACK_MS);
      assertThat(allMillis).isLessThan(MAX_BLOCK_MS + DELIVERY_TIMEOUT_MS + SLACK_MS);

      sync.close(Duration.ZERO);
      async.close(Duration.ZERO);
      fireAndForget.close(Duration.ZERO);
    }
  }

  private static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.TopicReader;
import dev.courier.runtime.SendException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The broker restart: generated producers of each send mode send numbered messages from their own threads
 * while the broker stops for longer than their delivery timeout and starts again. Every SYNC send returns metadata or
 * throws a {@link SendException} in bounded time; every ASYNC future completes; every FIRE_AND_FORGET failure reaches
 * the error handler; no message is lost silently; with idempotence (the default), no message is on its topic twice.
 */
@Tag("scenario")
class BrokerRestartIT {
  private static final int DELIVERY_TIMEOUT_MS = 4000;
  private static final int MAX_BLOCK_MS = 3000;
  private static final Duration OUTAGE = Duration.ofMillis(DELIVERY_TIMEOUT_MS + 2500);
  /** Scheduling slack on a loaded 2-core machine. */
  private static final long SLACK_MS = 5000;

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.start();
    for (String topic : List.of(SyncTickProducer.TOPIC, AsyncTickProducer.TOPIC, FireTickProducer.TOPIC)) {
      kafka.createTopic(topic, 3);
    }
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  /** What one sender saw: its attempts, by outcome. */
  static final class Outcomes {
    final String mode;
    final AtomicLong attempts = new AtomicLong();
    final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    final Set<Long> failed = ConcurrentHashMap.newKeySet();
    final List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicLong slowestCallMs = new AtomicLong();

    Outcomes(String mode) {
      this.mode = mode;
    }

    void timed(long startedNanos) {
      slowestCallMs.accumulateAndGet((System.nanoTime() - startedNanos) / 1_000_000, Math::max);
    }
  }

  private static Map<String, Object> runtime(String clientId) {
    Map<String, Object> runtime = new HashMap<>();
    runtime.put("bootstrap.servers", kafka.bootstrapServers());
    runtime.put("client.id", clientId);
    runtime.put("delivery.timeout.ms", DELIVERY_TIMEOUT_MS);
    runtime.put("request.timeout.ms", 1500);
    runtime.put("linger.ms", 5);
    runtime.put("max.block.ms", MAX_BLOCK_MS);
    runtime.put("reconnect.backoff.max.ms", 200);
    return runtime;
  }

  private static Thread sender(String name, AtomicBoolean running, ThrowingSend send, Outcomes outcomes) {
    Thread thread = new Thread(() -> {
      for (long seq = 0; running.get(); seq++) {
        outcomes.attempts.incrementAndGet();
        long started = System.nanoTime();
        try {
          send.send(seq);
        } catch (Throwable t) {
          outcomes.unexpected.add(t);
        }
        outcomes.timed(started);
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, name);
    thread.start();
    return thread;
  }

  @FunctionalInterface
  interface ThrowingSend {
    void send(long seq) throws Exception;
  }

  private static Map<Long, Integer> onTopic(String topic, Function<byte[], Long> seqOf) {
    Map<Long, Integer> counts = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(kafka.bootstrapServers(), topic,
        Duration.ofSeconds(3))) {
      counts.merge(seqOf.apply(record.value()), 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void everySendModeKeepsItsPromiseAcrossABrokerRestart() throws Exception {
    Outcomes sync = new Outcomes("SYNC");
    Outcomes async = new Outcomes("ASYNC");
    Outcomes fire = new Outcomes("FIRE_AND_FORGET");
    List<CompletableFuture<?>> futures = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);

    try (SyncTickProducer syncProducer = SyncTickProducer.create(runtime("restart-sync"));
        AsyncTickProducer asyncProducer = AsyncTickProducer.create(runtime("restart-async"));
        FireTickProducer fireProducer = FireTickProducer.create(runtime("restart-fire"),
            (topic, key, message, e) -> fire.failed.add(message.seq()))) {
      List<Thread> senders = List.of(
          sender("sync-sender", running, seq -> {
            try {
              syncProducer.send(new SyncTick("sync", seq));
              sync.acknowledged.add(seq);
            } catch (SendException e) {
              sync.failed.add(seq);
            }
          }, sync),
          sender("async-sender", running, seq -> futures.add(asyncProducer.send(new AsyncTick("async", seq))
              .whenComplete((metadata, e) -> (e == null ? async.acknowledged : async.failed).add(seq))), async),
          sender("fire-sender", running, seq -> fireProducer.send(new FireTick("fire", seq)), fire));

      Thread.sleep(1500);
      long outageStarted = System.nanoTime();
      kafka.stopBroker();
      Thread.sleep(OUTAGE.toMillis());
      kafka.startBroker();
      long outageMs = (System.nanoTime() - outageStarted) / 1_000_000;
      Thread.sleep(2500);
      running.set(false);
      for (Thread thread : senders) {
        thread.join(TimeUnit.MILLISECONDS.toMillis(MAX_BLOCK_MS + DELIVERY_TIMEOUT_MS + SLACK_MS));
        assertThat(thread.isAlive()).as("%s returned", thread.getName()).isFalse();
      }
      asyncProducer.flush();
      fireProducer.flush();
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .exceptionally(e -> null).get(DELIVERY_TIMEOUT_MS + SLACK_MS, TimeUnit.MILLISECONDS);
      System.out.printf("BrokerRestartIT: broker down for %d ms (delivery.timeout.ms=%d)%n", outageMs,
          DELIVERY_TIMEOUT_MS);
    }

    Map<Long, Integer> syncOnTopic = onTopic(SyncTickProducer.TOPIC,
        bytes -> new SyncTickDeserializer().deserialize(SyncTickProducer.TOPIC, bytes).seq());
    Map<Long, Integer> asyncOnTopic = onTopic(AsyncTickProducer.TOPIC,
        bytes -> new AsyncTickDeserializer().deserialize(AsyncTickProducer.TOPIC, bytes).seq());
    Map<Long, Integer> fireOnTopic = onTopic(FireTickProducer.TOPIC,
        bytes -> new FireTickDeserializer().deserialize(FireTickProducer.TOPIC, bytes).seq());
    report(sync, syncOnTopic);
    report(async, asyncOnTopic);
    report(fire, fireOnTopic);

    // SYNC: every call returned metadata or threw a SendException, in bounded time.
    assertThat(sync.unexpected).isEmpty();
    assertThat(sync.acknowledged.size() + sync.failed.size()).isEqualTo(sync.attempts.get());
    assertThat(sync.slowestCallMs.get()).isLessThan(MAX_BLOCK_MS + DELIVERY_TIMEOUT_MS + SLACK_MS);
    // ASYNC: send never threw, and every future completed, one way or the other.
    assertThat(async.unexpected).isEmpty();
    assertThat(futures).hasSize((int) async.attempts.get()).allMatch(CompletableFuture::isDone);
    assertThat(async.acknowledged.size() + async.failed.size()).isEqualTo(async.attempts.get());
    // FIRE_AND_FORGET: send never threw or blocked on the broker beyond max.block.ms.
    assertThat(fire.unexpected).isEmpty();
    assertThat(fire.slowestCallMs.get()).isLessThan(MAX_BLOCK_MS + SLACK_MS);

    for (Outcomes outcomes : List.of(sync, async, fire)) {
      Map<Long, Integer> topic = outcomes == sync ? syncOnTopic : outcomes == async ? asyncOnTopic : fireOnTopic;
      assertThat(outcomes.failed).as("%s: the outage outlasted the delivery timeout, so some sends failed",
          outcomes.mode).isNotEmpty();
      assertThat(topic.values()).as("%s: idempotence, no message twice", outcomes.mode).allMatch(n -> n == 1);
      assertThat(topic.keySet()).as("%s: every acknowledged message is on the topic", outcomes.mode)
          .containsAll(outcomes.acknowledged);
      Set<Long> accountedFor = new HashSet<>(topic.keySet());
      accountedFor.addAll(outcomes.failed);
      List<Long> lost = new ArrayList<>();
      for (long seq = 0; seq < outcomes.attempts.get(); seq++) {
        if (!accountedFor.contains(seq)) {
          lost.add(seq);
        }
      }
      assertThat(lost).as("%s: messages neither on the topic nor reported as failed", outcomes.mode).isEmpty();
    }
  }

  private static void report(Outcomes outcomes, Map<Long, Integer> onTopic) {
    long duplicates = onTopic.values().stream().mapToLong(n -> n - 1).sum();
    long failedButWritten = outcomes.failed.stream().filter(onTopic::containsKey).count();
    System.out.printf("BrokerRestartIT %s: %d sent, %d acknowledged, %d reported failed (%d of them written"
        + " anyway), %d on the topic, %d duplicates, slowest send call %d ms%n", outcomes.mode,
        outcomes.attempts.get(), outcomes.acknowledged.size(), outcomes.failed.size(), failedButWritten,
        onTopic.size(), duplicates, outcomes.slowestCallMs.get());
  }
}

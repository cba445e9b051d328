/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.jmh;

import dev.courier.bench.model.FireAndForgetMessage;
import dev.courier.bench.model.FireAndForgetMessageProducer;
import dev.courier.bench.model.FireAndForgetMessageSerializer;
import dev.courier.bench.model.SmallMessage;
import dev.courier.bench.model.SmallMessageProducer;
import dev.courier.bench.model.SmallMessageSerializer;
import dev.courier.bench.model.SyncMessage;
import dev.courier.bench.model.SyncMessageProducer;
import dev.courier.bench.model.SyncMessageSerializer;
import dev.courier.runtime.SchemaRegistryFraming;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of the generated producers' {@code send}, per send mode, against hand-written code with the same
 * behaviour on the same {@link NoopProducer}, so only the code around {@code Producer.send} is measured. With
 * {@code serialize=true} the no-op producer also runs the key and value serializers, as {@code KafkaProducer.send}
 * does. {@code rawSend} is the least any code can do: {@code send(new ProducerRecord(topic, key, value))}, ignoring
 * the result.
 */
@State(Scope.Thread)
public class SendPathBenchmark extends JmhDefaults {

  /** Whether the no-op producer serializes key and value. */
  @Param({"false", "true"})
  public boolean serialize;

  private final SmallMessage asyncMessage = Messages.small();
  private final SyncMessage syncMessage = new SyncMessage(asyncMessage.id(), asyncMessage.amountCents(),
      asyncMessage.quantity(), asyncMessage.express(), asyncMessage.currency());
  private final FireAndForgetMessage fireAndForgetMessage = new FireAndForgetMessage(asyncMessage.id(),
      asyncMessage.amountCents(), asyncMessage.quantity(), asyncMessage.express(), asyncMessage.currency());
  private final AtomicLong handWrittenErrors = new AtomicLong();

  private NoopProducer<String, SmallMessage> asyncNoop;
  private NoopProducer<String, SmallMessage> framedNoop;
  private NoopProducer<String, SyncMessage> syncNoop;
  private NoopProducer<String, FireAndForgetMessage> fireAndForgetNoop;
  private SmallMessageProducer asyncGenerated;
  private SmallMessageProducer framedGenerated;
  private SyncMessageProducer syncGenerated;
  private FireAndForgetMessageProducer fireAndForgetGenerated;

  /** Creates the no-op producers and the generated producers around them. */
  @Setup(Level.Trial)
  public void setUp() {
    asyncNoop = serialize ? new NoopProducer<>(new StringSerializer(), new SmallMessageSerializer())
        : new NoopProducer<>(null, null);
    syncNoop = serialize ? new NoopProducer<>(new StringSerializer(), new SyncMessageSerializer())
        : new NoopProducer<>(null, null);
    fireAndForgetNoop = serialize ? new NoopProducer<>(new StringSerializer(), new FireAndForgetMessageSerializer())
        : new NoopProducer<>(null, null);
    asyncGenerated = new SmallMessageProducer(asyncNoop);
    // What create() builds for valueFormat SCHEMA_REGISTRY_JSON once the schema id is resolved.
    framedNoop = serialize
        ? new NoopProducer<>(new StringSerializer(), SchemaRegistryFraming.framed(new SmallMessageSerializer(), 42))
        : new NoopProducer<>(null, null);
    framedGenerated = new SmallMessageProducer(framedNoop);
    syncGenerated = new SyncMessageProducer(syncNoop);
    fireAndForgetGenerated = new FireAndForgetMessageProducer(fireAndForgetNoop);
  }

  /** Fails the trial if a send failed or the serializers did not run when they should have. */
  @TearDown(Level.Trial)
  public void check() {
    if (handWrittenErrors.get() != 0) {
      throw new IllegalStateException(handWrittenErrors.get() + " hand-written sends failed");
    }
    long bytes = asyncNoop.bytes() + syncNoop.bytes() + fireAndForgetNoop.bytes() + framedNoop.bytes();
    if (serialize != (bytes > 0)) {
      throw new IllegalStateException("serialize=" + serialize + " but the no-op producers serialized " + bytes
          + " bytes");
    }
  }

  /**
   * ASYNC, generated: {@code CompletableFuture<RecordMetadata> send(m)}.
   *
   * @return the result
   */
  @Benchmark
  public CompletableFuture<RecordMetadata> asyncGenerated() {
    return asyncGenerated.send(asyncMessage);
  }

  /**
   * ASYNC, generated, the value framed for the Schema Registry (a zero byte and a schema id before the JSON), as
   * {@code create} sets it up for {@code valueFormat = SCHEMA_REGISTRY_JSON}; without serializing, the same as
   * {@link #asyncGenerated}.
   *
   * @return the result
   */
  @Benchmark
  public CompletableFuture<RecordMetadata> asyncGeneratedFramed() {
    return framedGenerated.send(asyncMessage);
  }

  /**
   * ASYNC, hand-written: a record with the key member, a callback that completes a {@code CompletableFuture}.
   *
   * @return the result
   */
  @Benchmark
  public CompletableFuture<RecordMetadata> asyncHandWritten() {
    SmallMessage message = asyncMessage;
    CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
    try {
      asyncNoop.send(new ProducerRecord<>("bench-small", message.id(), message), (metadata, exception) -> {
        if (exception == null) {
          result.complete(metadata);
        } else {
          result.completeExceptionally(new KafkaException("cannot send " + message.id(), exception));
        }
      });
    } catch (RuntimeException e) {
      result.completeExceptionally(new KafkaException("cannot send " + message.id(), e));
    }
    return result;
  }

  /**
   * SYNC, generated: {@code RecordMetadata send(m)}.
   *
   * @return the metadata
   */
  @Benchmark
  public RecordMetadata syncGenerated() {
    return syncGenerated.send(syncMessage);
  }

  /**
   * SYNC, hand-written: {@code send(record).get()} with the checked exceptions turned into an unchecked one.
   *
   * @return the metadata
   */
  @Benchmark
  public RecordMetadata syncHandWritten() {
    SyncMessage message = syncMessage;
    try {
      return syncNoop.send(new ProducerRecord<>("bench-sync", message.id(), message)).get();
    } catch (ExecutionException e) {
      throw new KafkaException("cannot send " + message.id(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while sending " + message.id(), e);
    }
  }

  /** FIRE_AND_FORGET, generated: {@code void send(m)}, failures to the error handler. */
  @Benchmark
  public void fireAndForgetGenerated() {
    fireAndForgetGenerated.send(fireAndForgetMessage);
  }

  /** FIRE_AND_FORGET, hand-written: a callback that counts failures. */
  @Benchmark
  public void fireAndForgetHandWritten() {
    FireAndForgetMessage message = fireAndForgetMessage;
    try {
      fireAndForgetNoop.send(new ProducerRecord<>("bench-fire-and-forget", message.id(), message),
          (metadata, exception) -> {
            if (exception != null) {
              handWrittenErrors.incrementAndGet();
            }
          });
    } catch (RuntimeException e) {
      handWrittenErrors.incrementAndGet();
    }
  }

  /**
   * The least any code does: a record with the key, {@code send} without a callback, the future ignored by the
   * caller.
   *
   * @return the future
   */
  @Benchmark
  public Future<RecordMetadata> rawSend() {
    return asyncNoop.send(new ProducerRecord<>("bench-small", asyncMessage.id(), asyncMessage));
  }
}

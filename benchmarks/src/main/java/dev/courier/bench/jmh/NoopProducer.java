/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.jmh;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A {@link Producer} that sends nothing, so a benchmark measures only the code around {@code send}: each send
 * optionally serializes the key and value with the given serializers (as {@code KafkaProducer.send} does before it
 * queues a record), then completes at once with the same metadata. Not thread-safe; one per benchmark thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class NoopProducer<K, V> implements Producer<K, V> {
  private static final RecordMetadata METADATA = new RecordMetadata(new TopicPartition("noop", 0), 0, 0, 0, 8, 64);
  private static final Future<RecordMetadata> DONE = CompletableFuture.completedFuture(METADATA);

  private final Serializer<K> keySerializer;
  private final Serializer<V> valueSerializer;
  private long bytes;

  /**
   * A producer that serializes each record, or does not when both serializers are null.
   *
   * @param keySerializer the key serializer, or null
   * @param valueSerializer the value serializer, or null
   */
  public NoopProducer(Serializer<K> keySerializer, Serializer<V> valueSerializer) {
    this.keySerializer = keySerializer;
    this.valueSerializer = valueSerializer;
  }

  /**
   * The number of bytes serialized so far, so the serializers' work cannot be optimized away.
   *
   * @return the byte count
   */
  public long bytes() {
    return bytes;
  }

  @Override
  public Future<RecordMetadata> send(ProducerRecord<K, V> record) {
    return send(record, null);
  }

  @Override
  public Future<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback) {
    if (valueSerializer != null) {
      byte[] key = keySerializer.serialize(record.topic(), record.headers(), record.key());
      byte[] value = valueSerializer.serialize(record.topic(), record.headers(), record.value());
      bytes += (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
    }
    if (callback != null) {
      callback.onCompletion(METADATA, null);
    }
    return DONE;
  }

  @Override
  public void initTransactions() {
  }

  @Override
  public void beginTransaction() {
  }

  @Override
  public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
      ConsumerGroupMetadata groupMetadata) {
  }

  @Override
  public void commitTransaction() {
  }

  @Override
  public void abortTransaction() {
  }

  @Override
  public void registerMetricForSubscription(KafkaMetric metric) {
  }

  @Override
  public void unregisterMetricFromSubscription(KafkaMetric metric) {
  }

  @Override
  public void flush() {
  }

  @Override
  public List<PartitionInfo> partitionsFor(String topic) {
    return List.of();
  }

  @Override
  public Map<MetricName, ? extends Metric> metrics() {
    return Map.of();
  }

  @Override
  public Uuid clientInstanceId(Duration timeout) {
    return Uuid.ZERO_UUID;
  }

  @Override
  public void close() {
  }

  @Override
  public void close(Duration timeout) {
  }
}

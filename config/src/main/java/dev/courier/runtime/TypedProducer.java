/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One message type's producer on a shared producer of bytes ({@link SharedProducers}): it serializes the key and
 * value with the type's serializers, as a {@code KafkaProducer} of the type would (with the record's topic and
 * headers), and sends the bytes with the record's topic, partition, timestamp and headers. {@code initTransactions}
 * runs once per shared producer; {@code close} releases the shared producer instead of closing it; everything else is
 * the shared producer's.
 */
final class TypedProducer<K, V> implements Producer<K, V> {
  private final SharedProducers owner;
  private final SharedProducers.Shared shared;
  private final Serializer<K> keySerializer;
  private final Serializer<V> valueSerializer;
  private volatile boolean closed;

  TypedProducer(SharedProducers owner, SharedProducers.Shared shared, Serializer<K> keySerializer,
      Serializer<V> valueSerializer) {
    this.owner = owner;
    this.shared = shared;
    this.keySerializer = keySerializer;
    this.valueSerializer = valueSerializer;
  }

  /** The lock the transactions of every type on the shared producer take. */
  Object transactionLock() {
    return shared.transactions;
  }

  @Override
  public void initTransactions() {
    open();
    shared.initTransactions();
  }

  @Override
  public void beginTransaction() {
    open();
    shared.producer.beginTransaction();
  }

  @Override
  public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
      ConsumerGroupMetadata groupMetadata) {
    open();
    shared.producer.sendOffsetsToTransaction(offsets, groupMetadata);
  }

  @Override
  public void commitTransaction() {
    open();
    shared.producer.commitTransaction();
  }

  @Override
  public void abortTransaction() {
    open();
    shared.producer.abortTransaction();
  }

  @Override
  public void registerMetricForSubscription(KafkaMetric metric) {
    shared.producer.registerMetricForSubscription(metric);
  }

  @Override
  public void unregisterMetricFromSubscription(KafkaMetric metric) {
    shared.producer.unregisterMetricFromSubscription(metric);
  }

  @Override
  public Future<RecordMetadata> send(ProducerRecord<K, V> record) {
    return send(record, null);
  }

  @Override
  public Future<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback) {
    Objects.requireNonNull(record, "record");
    open();
    byte[] key;
    byte[] value;
    try {
      key = keySerializer.serialize(record.topic(), record.headers(), record.key());
    } catch (ClassCastException e) {
      throw new SerializationException("Can't convert the key of a record to topic " + record.topic() + " with "
          + keySerializer.getClass().getName(), e);
    }
    try {
      value = valueSerializer.serialize(record.topic(), record.headers(), record.value());
    } catch (ClassCastException e) {
      throw new SerializationException("Can't convert the value of a record to topic " + record.topic() + " with "
          + valueSerializer.getClass().getName(), e);
    }
    return shared.producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(), key,
        value, record.headers()), callback);
  }

  @Override
  public void flush() {
    open();
    shared.producer.flush();
  }

  @Override
  public List<PartitionInfo> partitionsFor(String topic) {
    open();
    return shared.producer.partitionsFor(topic);
  }

  @Override
  public Map<MetricName, ? extends Metric> metrics() {
    return shared.producer.metrics();
  }

  @Override
  public Uuid clientInstanceId(Duration timeout) {
    return shared.producer.clientInstanceId(timeout);
  }

  @Override
  public void close() {
    close(Duration.ofMillis(Long.MAX_VALUE));
  }

  @Override
  public void close(Duration timeout) {
    if (closed) {
      return;
    }
    closed = true;
    try {
      keySerializer.close();
      valueSerializer.close();
    } finally {
      owner.release(shared, timeout);
    }
  }

  private void open() {
    if (closed) {
      throw new IllegalStateException("Cannot perform operation after producer has been closed");
    }
  }
}

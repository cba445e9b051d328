/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.demo;

import dev.courier.examples.orders.OrderPlaced;
import dev.courier.examples.orders.OrderPlacedDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;

/**
 * One record the demo read back from topic {@code orders}: the path that wrote it (the connector or a send mode), its
 * position, and what the two paths are compared on (key, partition, timestamp, {@code trace-id} header, value bytes).
 * The value is decoded with the generated {@code OrderPlacedDeserializer}; a record it cannot read keeps the
 * deserializer's reason in {@link #error} instead of an order, so the report can show it rather than stop.
 */
final class ReadBack {
  final String source;
  final String key;
  final int partition;
  final long offset;
  final long timestamp;
  final byte[] traceId;
  final byte[] value;
  final OrderPlaced order;
  final String error;

  ReadBack(String source, ConsumerRecord<String, byte[]> record) {
    this.source = source;
    this.key = record.key();
    this.partition = record.partition();
    this.offset = record.offset();
    this.timestamp = record.timestamp();
    Header header = record.headers().lastHeader("trace-id");
    this.traceId = header == null ? null : header.value();
    this.value = record.value();
    OrderPlaced decoded = null;
    String problem = null;
    try {
      decoded = new OrderPlacedDeserializer().deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      problem = e.getMessage();
    }
    this.order = decoded;
    this.error = problem;
  }
}

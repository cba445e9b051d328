/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic from the beginning with a {@code read_committed} consumer, so records of aborted or open
 * transactions never show up. Records come in the order of each partition; partitions are interleaved.
 */
public final class TopicReader {
  /** How long {@link #readExactly} keeps reading after the expected count, to catch extra records. */
  public static final Duration GRACE = Duration.ofMillis(500);
  private static final Duration POLL = Duration.ofMillis(100);

  private TopicReader() {
  }

  /**
   * Reads exactly {@code count} committed records, then keeps reading for {@link #GRACE} to check that no more
   * arrive.
   *
   * @param bootstrapServers the cluster
   * @param topic the topic
   * @param count the expected number of records
   * @param timeout how long to wait for them
   * @return the records, in partition order
   * @throws AssertionError when fewer arrive within the timeout or more arrive, listing what was read
   */
  public static List<ConsumerRecord<byte[], byte[]>> readExactly(String bootstrapServers, String topic, int count,
      Duration timeout) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers, topic)) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(POLL).forEach(records::add);
      }
      if (records.size() < count) {
        throw new AssertionError("expected " + count + " committed record(s) in topic '" + topic + "' within "
            + timeout.toMillis() + " ms, got " + records.size() + ": " + summary(records));
      }
      long graceEnd = System.nanoTime() + GRACE.toNanos();
      while (System.nanoTime() < graceEnd) {
        consumer.poll(POLL).forEach(records::add);
      }
      if (records.size() > count) {
        throw new AssertionError("expected exactly " + count + " committed record(s) in topic '" + topic + "', got "
            + records.size() + ": " + summary(records));
      }
    }
    return records;
  }

  /**
   * Reads committed records until none arrives for {@code quiet}.
   *
   * @param bootstrapServers the cluster
   * @param topic the topic
   * @param quiet how long no new record must arrive before reading stops
   * @return the records, in partition order
   */
  public static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers, String topic, Duration quiet) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers, topic)) {
      long quietEnd = System.nanoTime() + quiet.toNanos();
      while (System.nanoTime() < quietEnd) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
        if (!batch.isEmpty()) {
          batch.forEach(records::add);
          quietEnd = System.nanoTime() + quiet.toNanos();
        }
      }
    }
    return records;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers, String topic) {
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.CLIENT_ID_CONFIG, "courier-topic-reader-" + UUID.randomUUID().toString().substring(0, 8),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    try {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      if (partitions == null || partitions.isEmpty()) {
        throw new AssertionError("topic '" + topic + "' does not exist on " + bootstrapServers);
      }
      Set<TopicPartition> assignment = partitions.stream().map(p -> new TopicPartition(topic, p.partition()))
          .collect(Collectors.toSet());
      consumer.assign(assignment);
      consumer.seekToBeginning(assignment);
      return consumer;
    } catch (RuntimeException | Error e) {
      consumer.close();
      throw e;
    }
  }

  private static String summary(List<ConsumerRecord<byte[], byte[]>> records) {
    StringBuilder sb = new StringBuilder("[");
    int shown = 0;
    for (ConsumerRecord<byte[], byte[]> r : records) {
      if (shown++ == 20) {
        sb.append(", ... ").append(records.size() - 20).append(" more");
        break;
      }
      if (shown > 1) {
        sb.append(", ");
      }
      sb.append(r.partition()).append('@').append(r.offset()).append(' ').append(text(r.key())).append('=')
          .append(text(r.value()));
    }
    return sb.append(']').toString();
  }

  private static String text(byte[] bytes) {
    if (bytes == null) {
      return "null";
    }
    String s = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}

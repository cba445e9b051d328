/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic of {@link LineCorpus} lines with a {@code read_committed} consumer without keeping the records: a bit
 * per line number finds duplicates and missing lines, and a checksum over the first copy of each line proves the
 * contents.
 */
final class StreamVerifier {
  private StreamVerifier() {
  }

  /**
   * How many records a topic holds, committed or not: the sum of its partitions' end offsets.
   *
   * @param admin an admin client of the broker
   * @param topic the topic
   * @param partitions its number of partitions
   * @return the records written so far
   * @throws Exception when the broker does not answer within 30 s
   */
  static long written(Admin admin, String topic, int partitions) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
        .mapToLong(info -> info.offset()).sum();
  }

  /** What a topic holds, compared with lines {@code 0 .. expected-1}. */
  record Result(long expected, long records, long distinct, long duplicates, long missing, long foreign,
      long checksum, long expectedChecksum) {

    boolean contentMatches() {
      return missing == 0 && foreign == 0 && checksum == expectedChecksum;
    }

    @Override
    public String toString() {
      return String.format("%d records read (read_committed) for %d lines: %d distinct, %d duplicates, %d missing,"
          + " %d not from the corpus, checksum %s", records, expected, distinct, duplicates, missing, foreign,
          checksum == expectedChecksum ? "matches" : "DIFFERS");
    }
  }

  /**
   * Reads until every line arrived and then {@code quiet} passes without a record, or until {@code timeout}.
   *
   * @param expectedChecksum {@link LineCorpus#checksum(long)} of {@code expected}
   */
  static Result read(String bootstrapServers, String topic, long expected, long expectedChecksum, Duration timeout,
      Duration quiet) {
    BitSet seen = new BitSet((int) expected);
    long records = 0;
    long duplicates = 0;
    long foreign = 0;
    long checksum = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.CLIENT_ID_CONFIG, "stream-verifier-" + UUID.randomUUID().toString().substring(0, 8),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      long quietEnd = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, quietEnd)) {
        boolean any = false;
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          any = true;
          records++;
          String value = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
          long n = LineCorpus.number(value);
          if (n < 0 || n >= expected) {
            foreign++;
          } else if (seen.get((int) n)) {
            duplicates++;
          } else {
            seen.set((int) n);
            checksum += LineCorpus.hash(value);
          }
        }
        if (seen.cardinality() == expected && (any || quietEnd == Long.MAX_VALUE)) {
          quietEnd = System.nanoTime() + quiet.toNanos();
        }
      }
    }
    long distinct = seen.cardinality();
    return new Result(expected, records, distinct, duplicates, expected - distinct, foreign, checksum,
        expectedChecksum);
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the bad-record policy. A dead-letter record is an ordinary {@link SourceRecord} to the dead-letter topic
 * that carries the bad record's source partition and offset: the task returns it from {@code poll()} with the good
 * records, so under exactly-once support it is written in the same transaction as they are and as the offset that
 * moves past it.
 *
 * <p>Dead-letter records have a {@code null} key, the raw record as the value, and headers: {@value #REASON_HEADER}
 * plus the location headers of the source (for files {@code courier.error.file}, {@code courier.error.line},
 * {@code courier.error.offset}). The value and headers are {@code STRING}s, which every converter can write, or,
 * for a {@code message.class} connector, whose converters are {@code ByteArrayConverter}
 * ({@link MessageConverters}), the same text as UTF-8 {@code BYTES}.
 */
public final class BadRecordHandler {

  /** The dead-letter header holding the reason. */
  public static final String REASON_HEADER = "courier.error.reason";

  /** The dead-letter header holding the connector name. */
  public static final String CONNECTOR_HEADER = "courier.error.connector";

  private static final Logger LOG = LoggerFactory.getLogger(BadRecordHandler.class);

  private final BadRecordPolicy policy;
  private final String deadLetterTopic;
  private final String connectorName;
  private final boolean bytes;

  /**
   * Creates a handler whose dead-letter records are {@code STRING}s.
   *
   * @param policy the policy
   * @param deadLetterTopic the dead-letter topic; required for {@link BadRecordPolicy#DEAD_LETTER}
   * @param connectorName the connector's name, for logs and headers
   */
  public BadRecordHandler(BadRecordPolicy policy, String deadLetterTopic, String connectorName) {
    this(policy, deadLetterTopic, connectorName, false);
  }

  /**
   * Creates a handler.
   *
   * @param policy the policy
   * @param deadLetterTopic the dead-letter topic; required for {@link BadRecordPolicy#DEAD_LETTER}
   * @param connectorName the connector's name, for logs and headers
   * @param bytes whether dead-letter values and headers are UTF-8 {@code BYTES} (for {@code ByteArrayConverter})
   *     instead of {@code STRING}s
   */
  public BadRecordHandler(BadRecordPolicy policy, String deadLetterTopic, String connectorName, boolean bytes) {
    if (policy == BadRecordPolicy.DEAD_LETTER && (deadLetterTopic == null || deadLetterTopic.isBlank())) {
      throw new IllegalArgumentException("the dead-letter policy needs a topic");
    }
    this.policy = policy;
    this.deadLetterTopic = deadLetterTopic;
    this.connectorName = connectorName;
    this.bytes = bytes;
  }

  /**
   * The policy.
   *
   * @return the policy
   */
  public BadRecordPolicy policy() {
    return policy;
  }

  /**
   * Handles one bad record.
   *
   * @param bad the bad record
   * @return the dead-letter record to return from {@code poll()}, or empty when the record is skipped
   * @throws ConnectException under {@link BadRecordPolicy#FAIL}, naming the record and the way out
   */
  public Optional<SourceRecord> handle(BadRecord bad) {
    switch (policy) {
      case FAIL:
        throw failure(bad);
      case SKIP:
        LOG.warn("Connector {} skipped a bad record in {}: {} (bad.record.policy=skip)",
            connectorName, bad.location(), bad.reason());
        return Optional.empty();
      case DEAD_LETTER:
        LOG.warn("Connector {} sent a bad record in {} to dead-letter topic {}: {}",
            connectorName, bad.location(), deadLetterTopic, bad.reason());
        return Optional.of(deadLetterRecord(bad));
      default:
        throw new IllegalStateException("unknown policy " + policy);
    }
  }

  /**
   * The exception that fails the task under {@link BadRecordPolicy#FAIL}.
   *
   * @param bad the bad record
   * @return the exception, naming the record, the reason and the policies that would go on
   */
  public ConnectException failure(BadRecord bad) {
    // Reasons from the generated reader end in a full stop; the sentence goes on.
    String reason = bad.reason().endsWith(".") ? bad.reason().substring(0, bad.reason().length() - 1) : bad.reason();
    return new ConnectException(
        "Bad record in "
            + bad.location()
            + ": "
            + reason
            + ". The task stops here (bad.record.policy=fail); fix or remove the record, or set"
            + " bad.record.policy to skip or dead-letter.");
  }

  private SourceRecord deadLetterRecord(BadRecord bad) {
    ConnectHeaders headers = new ConnectHeaders();
    Map<String, String> sorted = new TreeMap<>(bad.errorHeaders());
    sorted.put(REASON_HEADER, bad.reason());
    sorted.put(CONNECTOR_HEADER, connectorName);
    if (bytes) {
      sorted.forEach((name, text) -> headers.addBytes(name, text.getBytes(StandardCharsets.UTF_8)));
    } else {
      sorted.forEach(headers::addString);
    }
    return new SourceRecord(
        bad.sourcePartition(),
        bad.sourceOffset(),
        deadLetterTopic,
        null,
        null,
        null,
        bytes ? Schema.OPTIONAL_BYTES_SCHEMA : Schema.STRING_SCHEMA,
        bytes && bad.raw() != null ? bad.raw().getBytes(StandardCharsets.UTF_8) : bad.raw(),
        null,
        headers);
  }
}

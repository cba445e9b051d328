/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * A record that a generated producer could not send: thrown by a {@code SYNC} send, and the exception an
 * {@code ASYNC} send's future completes with. The message names the topic and the key; the cause is Kafka's own
 * exception (for example a {@code TimeoutException} when {@code delivery.timeout.ms} expired, or a
 * {@code SerializationException}).
 */
public class SendException extends KafkaException {
  private static final long serialVersionUID = 1L;

  /** The topic the record was sent to. */
  private final String topic;

  /** The record key as shown in the message ({@code byte[]} keys in hex; {@code "null"} without a key). */
  private final String key;

  /**
   * Creates the exception.
   *
   * @param topic the topic the record was sent to
   * @param key the record key, or {@code null}
   * @param cause why the send failed
   */
  public SendException(String topic, Object key, Throwable cause) {
    super(
        "Sending a record to topic " + topic + " with key " + Keys.describe(key) + " failed: " + cause,
        cause);
    this.topic = topic;
    this.key = Keys.describe(key);
  }

  /**
   * The topic the record was sent to.
   *
   * @return the topic
   */
  public String topic() {
    return topic;
  }

  /**
   * The record key as shown in the message ({@code byte[]} keys in hex).
   *
   * @return the key's text, {@code "null"} for a record without key
   */
  public String key() {
    return key;
  }

  /**
   * Whether Kafka classifies the cause as retriable: sending the same record again may succeed.
   *
   * @return {@code true} when the cause is a {@link RetriableException}
   */
  public boolean isRetriable() {
    return getCause() instanceof RetriableException;
  }
}

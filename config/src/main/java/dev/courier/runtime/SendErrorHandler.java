/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

/**
 * Receives the failures of a generated producer whose send mode is {@code FIRE_AND_FORGET}: such a {@code send}
 * never throws and never blocks on the broker's answer, so every failure (the broker rejected the record, the
 * delivery timeout expired, the message could not be serialized, the producer is closed) is handed here instead.
 *
 * <p>The handler runs on the producer's I/O thread for failures the broker reports, and on the caller's thread for
 * failures found before the record is queued; it must be fast and must not block. The default,
 * {@link #logging()}, logs every failure at ERROR level with the topic and key, never the message itself (it may
 * hold personal data).
 *
 * @param <K> the record key type
 * @param <V> the message type
 */
@FunctionalInterface
public interface SendErrorHandler<K, V> {

  /**
   * Called once for each message that could not be sent.
   *
   * @param topic the topic the message was sent to
   * @param key the record key, or {@code null} when the record has none
   * @param message the message, or {@code null} for a tombstone
   * @param exception why the send failed
   */
  void onError(String topic, K key, V message, Exception exception);

  /**
   * The default handler: logs each failure at ERROR level through SLF4J (logger {@code dev.courier.runtime.send})
   * with the topic, the key and the exception.
   *
   * @param <K> the record key type
   * @param <V> the message type
   * @return the logging handler
   */
  static <K, V> SendErrorHandler<K, V> logging() {
    return (topic, key, message, exception) ->
        LoggingSendErrors.LOG.error(
            "Courier could not send a record to topic {} with key {}: {}",
            topic,
            Keys.describe(key),
            exception.toString(),
            exception);
  }
}

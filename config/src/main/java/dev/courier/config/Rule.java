/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import java.util.Locale;

/**
 * Every rule Courier checks producer settings against, with its stable id. The id appears in brackets in every
 * message ({@code [courier.idempotence.acks] ...}), in compile errors, in connector {@code validate()} results and
 * in runtime exceptions; ids never change once released.
 *
 * <p>All message text of the rules lives here. Each template is filled by {@link ProducerRules} with
 * {@link String#format}; {@code %origin} placeholders are already resolved to where the value was fixed.
 */
public enum Rule {
  /** A key that is not a Kafka producer property. */
  UNKNOWN_KEY(
      "courier.unknown-key",
      Severity.ERROR,
      "A fixed key must be a Kafka producer property.",
      "%s is not a Kafka producer property%s.%s"),
  /** A value Kafka's own {@code ProducerConfig} definition rejects (type, range, allowed values). */
  INVALID_VALUE(
      "courier.invalid-value",
      Severity.ERROR,
      "Every value must pass Kafka's own ProducerConfig validation (type and range).",
      "%s=%s is invalid%s: %s. Accepted: %s."),
  /** An unknown compression codec. */
  COMPRESSION(
      "courier.compression",
      Severity.ERROR,
      "compression.type must be a codec Kafka knows.",
      "compression.type=%s is not a codec Kafka knows%s. Use one of none, gzip, snappy, lz4, zstd."),
  /** Idempotence needs {@code acks=all}. */
  IDEMPOTENCE_ACKS(
      "courier.idempotence.acks",
      Severity.ERROR,
      "An idempotent producer needs acks=all (Kafka rejects any other value).",
      "enable.idempotence=true%s needs acks=all, but acks=%s%s. Fix: set acks to all, or turn idempotence off."),
  /** Idempotence needs {@code retries > 0}. */
  IDEMPOTENCE_RETRIES(
      "courier.idempotence.retries",
      Severity.ERROR,
      "An idempotent producer needs retries > 0 (Kafka rejects retries=0).",
      "enable.idempotence=true%s needs retries > 0, but retries=%s%s. Fix: leave retries unset (Kafka retries"
          + " until delivery.timeout.ms), or turn idempotence off."),
  /** Idempotence needs {@code max.in.flight.requests.per.connection <= 5}. */
  IDEMPOTENCE_MAX_IN_FLIGHT(
      "courier.idempotence.max-in-flight",
      Severity.ERROR,
      "An idempotent producer needs max.in.flight.requests.per.connection <= 5 (Kafka rejects more).",
      "enable.idempotence=true%s needs max.in.flight.requests.per.connection <= 5, but it is %s%s. Fix: set it"
          + " to 5 or less, or turn idempotence off."),
  /** Transactions need idempotence. */
  TRANSACTION_IDEMPOTENCE(
      "courier.transaction.idempotence",
      Severity.ERROR,
      "A transactional producer is always idempotent: transactional.id with enable.idempotence=false is rejected.",
      "transactional.id=%s%s needs enable.idempotence=true, but enable.idempotence=false%s. Fix: leave"
          + " idempotence on, or remove the transactional id."),
  /** Transactions need {@code acks=all}. */
  TRANSACTION_ACKS(
      "courier.transaction.acks",
      Severity.ERROR,
      "A transactional producer needs acks=all, because it is idempotent.",
      "transactional.id=%s%s needs acks=all, but acks=%s%s. Fix: set acks to all, or remove the transactional"
          + " id."),
  /** A send mode that returns metadata needs an acknowledgement. */
  SEND_MODE_ACKS(
      "courier.send-mode.acks",
      Severity.ERROR,
      "A SYNC or ASYNC send returns the record's offset, which needs acks=1 or acks=all.",
      "sendMode %s%s returns the record's offset, which needs an acknowledgement, but acks=0%s. Fix: set acks"
          + " to all (or 1), or use FIRE_AND_FORGET."),
  /** {@code delivery.timeout.ms} must leave room for linger and one request. */
  DELIVERY_TIMEOUT(
      "courier.delivery-timeout",
      Severity.ERROR,
      "delivery.timeout.ms must be >= linger.ms + request.timeout.ms (KafkaProducer rejects it otherwise).",
      "delivery.timeout.ms=%s%s must be >= linger.ms + request.timeout.ms = %s + %s = %s. Fix: raise"
          + " delivery.timeout.ms to at least %s, or lower linger.ms or request.timeout.ms."),
  /** A batch must fit in the buffer. */
  BATCH_SIZE_BUFFER_MEMORY(
      "courier.batch-size.buffer-memory",
      Severity.ERROR,
      "batch.size must be <= buffer.memory: a batch larger than the whole buffer can never be allocated.",
      "batch.size=%s%s is larger than buffer.memory=%s%s, so no batch could ever be allocated. Fix: lower"
          + " batch.size or raise buffer.memory."),
  /** Retries without idempotence and more than one request in flight can reorder records. */
  ORDERING(
      "courier.ordering",
      Severity.WARNING,
      "Without idempotence, retries with more than one request in flight can reorder and duplicate records.",
      "enable.idempotence=false%s with retries=%s and max.in.flight.requests.per.connection=%s can reorder"
          + " records when a request is retried. Fix: turn idempotence on, or set"
          + " max.in.flight.requests.per.connection to 1."),
  /** A runtime property that contradicts a fixed one. */
  CONFLICT(
      "courier.conflict",
      Severity.ERROR,
      "A runtime property may add to the fixed settings but not contradict them.",
      "runtime property %s=%s contradicts %s=%s%s. Fix: remove %s from the runtime properties or set it to %s."),
  /** Anything else Kafka's {@code ProducerConfig} rejects. */
  KAFKA(
      "courier.kafka",
      Severity.ERROR,
      "Anything else Kafka's ProducerConfig rejects, with Kafka's own message.",
      "Kafka rejects these producer settings: %s");

  private final String id;
  private final Severity severity;
  private final String description;
  private final String template;

  Rule(String id, Severity severity, String description, String template) {
    this.id = id;
    this.severity = severity;
    this.description = description;
    this.template = template;
  }

  /**
   * The stable id, for example {@code courier.idempotence.acks}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Whether a violation is an error or a warning.
   *
   * @return the severity
   */
  public Severity severity() {
    return severity;
  }

  /**
   * One sentence for the reference docs: what the rule requires and why.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  String format(Object... args) {
    return String.format(Locale.ROOT, template, args);
  }

  /**
   * The rule with the given id.
   *
   * @param id a rule id such as {@code courier.ordering}
   * @return the rule
   * @throws IllegalArgumentException when no rule has that id
   */
  public static Rule forId(String id) {
    for (Rule rule : values()) {
      if (rule.id.equals(id)) {
        return rule;
      }
    }
    throw new IllegalArgumentException("No Courier rule has the id " + id);
  }
}

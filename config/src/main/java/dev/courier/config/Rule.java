/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Every rule Courier checks producer settings against, with its stable id. The id appears in brackets in every
 * message ({@code [courier.idempotence.acks] ...}), in compile errors, in connector {@code validate()} results and
 * in runtime exceptions; ids never change once released.
 *
 * <p>All message text of the rules lives here. Each template is filled by {@link ProducerRules} (and by
 * {@link ProducerSettings#merge} and {@link HostedProducer}) with {@link String#format}; origin
 * placeholders are filled with text such as {@code " (fixed by @KafkaMessage(acks) on com.acme.Order)"}, or the
 * empty string when the origin is unknown.
 *
 * <p>Most rules reject exactly what {@code KafkaProducer} rejects, only earlier and with a message that names the
 * keys, where each was fixed, and the fix. The few that reject more say why in {@link #beyondKafka()}.
 */
public enum Rule {
  /** A key that is not a Kafka producer property. */
  UNKNOWN_KEY(
      "courier.unknown-key",
      Severity.ERROR,
      "A fixed key must be a Kafka producer property.",
      "%s is not a Kafka producer property%s.%s",
      "KafkaProducer ignores a key it does not know (it only logs it as unused), so a misspelt key such as"
          + " `ack=all` silently does nothing. Courier rejects unknown keys where settings are fixed (annotations,"
          + " connector overrides); runtime properties passed to `ProducerSettings.merge` may carry other keys."),
  /** A value Kafka's own {@code ProducerConfig} definition rejects (type, range, allowed values). */
  INVALID_VALUE(
      "courier.invalid-value",
      Severity.ERROR,
      "Every value must pass Kafka's own ProducerConfig validation (type and range). Class names are checked for"
          + " their form only; the producer loads them at run time.",
      "%s=%s is invalid%s: %s. Accepted: %s.",
      null),
  /** An unknown compression codec. */
  COMPRESSION(
      "courier.compression",
      Severity.ERROR,
      "compression.type must be a codec Kafka knows, spelt as Kafka spells it (lower case).",
      "compression.type=%s is not a codec Kafka knows%s. Use one of none, gzip, snappy, lz4, zstd.%s",
      null),
  /** Idempotence needs {@code acks=all}. */
  IDEMPOTENCE_ACKS(
      "courier.idempotence.acks",
      Severity.ERROR,
      "An idempotent producer needs acks=all (Kafka rejects any other value when idempotence is set explicitly).",
      "enable.idempotence=true%s needs acks=all, but acks=%s%s. Fix: set acks to all, or turn idempotence off.",
      null),
  /** Idempotence needs {@code retries > 0}. */
  IDEMPOTENCE_RETRIES(
      "courier.idempotence.retries",
      Severity.ERROR,
      "An idempotent producer needs retries > 0 (Kafka rejects retries=0 when idempotence is set explicitly).",
      "enable.idempotence=true%s needs retries > 0, but retries=%s%s. Fix: leave retries unset (Kafka retries"
          + " until delivery.timeout.ms), or turn idempotence off.",
      null),
  /** Idempotence needs {@code max.in.flight.requests.per.connection <= 5}. */
  IDEMPOTENCE_MAX_IN_FLIGHT(
      "courier.idempotence.max-in-flight",
      Severity.ERROR,
      "An idempotent producer needs max.in.flight.requests.per.connection <= 5. Idempotence is on by default, and"
          + " Kafka checks this before acks or retries turn it off, so only enable.idempotence=false lifts it.",
      "enable.idempotence=true%s needs max.in.flight.requests.per.connection <= 5, but it is %s%s. Fix: set it"
          + " to 5 or less, or set enable.idempotence=false.",
      null),
  /** Transactions need idempotence. */
  TRANSACTION_IDEMPOTENCE(
      "courier.transaction.idempotence",
      Severity.ERROR,
      "A transactional producer is always idempotent: transactional.id with enable.idempotence=false is rejected.",
      "transactional.id=%s%s needs enable.idempotence=true, but enable.idempotence=false%s. Fix: leave"
          + " idempotence on, or remove the transactional id.",
      null),
  /** Transactions need {@code acks=all}. */
  TRANSACTION_ACKS(
      "courier.transaction.acks",
      Severity.ERROR,
      "A transactional producer needs acks=all: any other acks turns idempotence off, and transactions need it.",
      "transactional.id=%s%s needs acks=all, but acks=%s%s turns idempotence off. Fix: set acks to all, or remove"
          + " the transactional id.",
      null),
  /** Transactions need {@code retries > 0}. */
  TRANSACTION_RETRIES(
      "courier.transaction.retries",
      Severity.ERROR,
      "A transactional producer needs retries > 0: retries=0 turns idempotence off, and transactions need it.",
      "transactional.id=%s%s needs retries > 0, but retries=0%s turns idempotence off. Fix: leave retries unset"
          + " (Kafka retries until delivery.timeout.ms), or remove the transactional id.",
      null),
  /** A send mode that returns metadata needs an acknowledgement. */
  SEND_MODE_ACKS(
      "courier.send-mode.acks",
      Severity.ERROR,
      "A SYNC or ASYNC send returns the record's offset, which needs acks=1 or acks=all.",
      "sendMode %s%s returns the record's offset, which needs an acknowledgement, but acks=0%s. Fix: set acks"
          + " to all (or 1), or use FIRE_AND_FORGET.",
      "The send mode is Courier's own: Kafka has none. With acks=0 the broker never answers, so the metadata a"
          + " SYNC or ASYNC send returns would carry offset -1 and report success for records that may be lost."),
  /** {@code delivery.timeout.ms} must leave room for linger and one request. */
  DELIVERY_TIMEOUT(
      "courier.delivery-timeout",
      Severity.ERROR,
      "A delivery.timeout.ms that is set must be >= linger.ms + request.timeout.ms (KafkaProducer rejects it"
          + " otherwise; when it is not set, Kafka raises it by itself).",
      "delivery.timeout.ms=%s%s must be >= linger.ms + request.timeout.ms = %s%s + %s%s = %s. Fix: raise"
          + " delivery.timeout.ms to at least %s, or lower linger.ms or request.timeout.ms.",
      null),
  /** A batch must fit in the buffer. */
  BATCH_SIZE_BUFFER_MEMORY(
      "courier.batch-size.buffer-memory",
      Severity.ERROR,
      "batch.size must be <= buffer.memory: a batch larger than the whole buffer can never be allocated.",
      "batch.size=%s%s is larger than buffer.memory=%s%s, so no batch could ever be allocated. Fix: lower"
          + " batch.size or raise buffer.memory.",
      "KafkaProducer accepts batch.size > buffer.memory when it is created, then every send throws an"
          + " IllegalArgumentException from its buffer pool, because a batch larger than the whole buffer can never"
          + " be allocated. Courier reports it before the first send, on the key to change."),
  /** Retries without idempotence and more than one request in flight can reorder records. */
  ORDERING(
      "courier.ordering",
      Severity.WARNING,
      "Without idempotence, retries with more than one request in flight can reorder and duplicate records"
          + " (a warning: Kafka accepts it).",
      "%s, so retries=%s%s with max.in.flight.requests.per.connection=%s%s can reorder records when a request is"
          + " retried. Fix: use acks=all with enable.idempotence=true, or set"
          + " max.in.flight.requests.per.connection to 1.",
      null),
  /** A runtime property that contradicts a fixed one. */
  CONFLICT(
      "courier.conflict",
      Severity.ERROR,
      "A value given at run time (or in a connector's config) may add to the fixed settings but not contradict"
          + " them.",
      "%s=%s (%s) contradicts %s=%s%s. Fix: remove %s from %s, or set it to %s.",
      "Kafka has no fixed settings: the last value of a key wins. Courier's fixed settings are what the code was"
          + " reviewed and compiled with, so a runtime value that contradicts one is an error naming both, never a"
          + " silent override."),
  /** A connector override of {@code transactional.id}. */
  CONNECT_TRANSACTIONAL_ID(
      "courier.connect.transactional-id",
      Severity.ERROR,
      "A Courier connector does not accept producer.override.transactional.id: Kafka Connect's worker manages"
          + " transactional ids (per task, under exactly-once source support).",
      "producer.override.transactional.id=%s is not accepted%s. Kafka Connect's worker gives every task its own"
          + " transactional id when exactly-once source support is enabled, and a worker without it never starts a"
          + " transaction, so every send would fail. Fix: remove it, and enable exactly.once.source.support on the"
          + " worker (with exactly.once.support=required on the connector) for transactional delivery.",
      "In Kafka Connect the worker owns the producer: under exactly-once source support it sets each task's"
          + " transactional.id itself (and ignores an override), and without it a transactional producer is never"
          + " initialized, so every send fails. KafkaProducer cannot know that."),
  /** A setting a message type fixes that a connector's producer would not use. */
  CONNECT_OVERRIDE(
      "courier.connect.override",
      Severity.ERROR,
      "A connector streaming a @KafkaMessage type must give its producer the settings the type fixes, as"
          + " producer.override.* keys, unless Kafka Connect's default is already the same.",
      "%s=%s is fixed%s, but this connector's producer would use %s=%s (%s). Fix: add"
          + " producer.override.%s=%s to the connector config.",
      "A Kafka Connect connector cannot set its tasks' producer properties; only the connector config's"
          + " producer.override.* keys (or the worker's producer.* keys, which a connector cannot see) do. Without"
          + " the override, records streamed by the connector would be sent with other delivery settings than the"
          + " ones the message type fixes."),
  /** Anything else Kafka's {@code ProducerConfig} rejects. */
  KAFKA(
      "courier.kafka",
      Severity.ERROR,
      "Anything else Kafka's ProducerConfig rejects (for example SASL without a mechanism), with Kafka's own"
          + " message.",
      "Kafka rejects these producer settings%s: %s",
      null);

  private final String id;
  private final Severity severity;
  private final String description;
  private final String template;
  private final String beyondKafka;

  Rule(String id, Severity severity, String description, String template, String beyondKafka) {
    this.id = id;
    this.severity = severity;
    this.description = description;
    this.template = template;
    this.beyondKafka = beyondKafka;
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

  /**
   * Why Courier rejects settings that a {@code KafkaProducer} built from the same properties accepts, for the rules
   * that do; the reference docs list them in "What Courier rejects beyond Kafka, and why", and the comparison test
   * with a real {@code KafkaProducer} allows exactly these rules to reject more than Kafka.
   *
   * @return the reason, or empty when the rule rejects only what Kafka rejects (or is a warning)
   */
  public Optional<String> beyondKafka() {
    return Optional.ofNullable(beyondKafka);
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

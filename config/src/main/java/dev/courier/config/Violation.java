/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import java.util.List;
import java.util.Objects;

/**
 * One broken rule: which rule, the producer key it is reported on, the other keys involved, the offending value,
 * and a message that says what is wrong and how to fix it.
 *
 * <p>The processor reports a violation as a compile error on the annotation attribute of {@link #key()}; the
 * connector attaches it to {@code producer.override.}{@link #key()} in {@code validate()}; the runtime throws it in
 * a {@link ProducerSettingsException}. All three show {@link #toString()}: the same id and the same words.
 *
 * @param rule the rule that is broken
 * @param key the Kafka producer key the violation is reported on (the one to change first)
 * @param relatedKeys the other keys whose values take part in the violation, possibly empty
 * @param value the value of {@code key} as given, with secrets shown as {@code [hidden]}, or {@code null} when the
 *     key is not set
 * @param message what is wrong and how to fix it, without the id
 */
public record Violation(Rule rule, String key, List<String> relatedKeys, String value, String message) {

  /**
   * Checks the components and copies the list.
   *
   * @param rule the rule that is broken
   * @param key the Kafka producer key the violation is reported on
   * @param relatedKeys the other keys whose values take part in the violation, possibly empty
   * @param value the value of {@code key} as given (secrets hidden), or {@code null} when the key is not set
   * @param message what is wrong and how to fix it, without the id
   */
  public Violation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(key, "key");
    relatedKeys = List.copyOf(relatedKeys);
    Objects.requireNonNull(message, "message");
  }

  /**
   * The stable id of the broken rule, for example {@code courier.idempotence.acks}.
   *
   * @return the rule id
   */
  public String id() {
    return rule.id();
  }

  /**
   * Whether this violation is an error or a warning.
   *
   * @return the rule's severity
   */
  public Severity severity() {
    return rule.severity();
  }

  /** The id in brackets followed by the message, the form every surface shows. */
  @Override
  public String toString() {
    return "[" + rule.id() + "] " + message;
  }
}

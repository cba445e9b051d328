/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.validation;

import java.util.Optional;

/** Kafka's rules for topic names (as the broker enforces them when a topic is created). */
public final class TopicNames {

  /** The longest legal topic name. */
  public static final int MAX_LENGTH = 249;

  private TopicNames() {}

  /**
   * Why a topic name is illegal.
   *
   * @param topic the name
   * @return the problem as a phrase, or empty when the name is legal
   */
  public static Optional<String> problem(String topic) {
    if (topic.isEmpty()) {
      return Optional.of("a topic name cannot be empty");
    }
    if (topic.isBlank()) {
      return Optional.of("a topic name cannot be blank");
    }
    if (topic.equals(".") || topic.equals("..")) {
      return Optional.of("\".\" and \"..\" are reserved");
    }
    if (topic.length() > MAX_LENGTH) {
      return Optional.of("it is " + topic.length() + " characters long, the maximum is " + MAX_LENGTH);
    }
    for (int i = 0; i < topic.length(); i++) {
      char c = topic.charAt(i);
      boolean legal =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
              || c == '-';
      if (!legal) {
        return Optional.of("the character '" + c + "' at position " + (i + 1) + " is not allowed");
      }
    }
    return Optional.empty();
  }
}

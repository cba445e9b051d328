/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

import dev.courier.config.ProducerSettings;
import java.util.List;
import java.util.Map;

/**
 * The producer settings a {@code @KafkaMessage} fixes, and where each was fixed.
 *
 * @param settings the settings: every explicit attribute (with origins such as
 *     {@code @KafkaMessage(acks) on com.acme.Order}), the well-formed {@code properties} entries, and the send mode
 * @param locations for each Kafka key (and {@code "sendMode"}): the annotation value that fixed it
 * @param problems the {@code properties} entries that could not be used
 */
public record SettingsModel(
    ProducerSettings settings, Map<String, Location> locations, List<PropertyProblem> problems) {

  /**
   * Copies the collections.
   *
   * @param settings the settings: every explicit attribute (with origins such as
   *     {@code @KafkaMessage(acks) on com.acme.Order}), the well-formed {@code properties} entries, and the send mode
   * @param locations for each Kafka key (and {@code "sendMode"}): the annotation value that fixed it
   * @param problems the {@code properties} entries that could not be used
   */
  public SettingsModel {
    locations = Map.copyOf(locations);
    problems = List.copyOf(problems);
  }

  /**
   * A {@code properties} entry that could not be used.
   *
   * @param kind what is wrong
   * @param entry the entry as written
   * @param key the entry's key, or empty when it has none
   * @param detail for {@link Kind#COVERED}: the attribute to use; for {@link Kind#DUPLICATE}: the first entry
   * @param location the entry's annotation value
   */
  public record PropertyProblem(Kind kind, String entry, String key, String detail, Location location) {

    /** What is wrong with an entry. */
    public enum Kind {
      /** Not {@code key=value}. */
      SYNTAX,
      /** The key is set through a named attribute. */
      COVERED,
      /** The key appears twice. */
      DUPLICATE
    }
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.model;

import dev.courier.config.FieldDescriptor;
import dev.courier.config.FieldType;
import dev.courier.config.MessageDescriptor;
import dev.courier.config.ProducerSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** TEMPORARY hand-written descriptor of {@link LineEvent} until the annotation processor lands on main. */
public final class LineEventDescriptor implements MessageDescriptor {

  /** Creates the descriptor. */
  public LineEventDescriptor() {
  }

  @Override
  public String messageClassName() {
    return "dev.courier.bench.model.LineEvent";
  }

  @Override
  public String topic() {
    return "courier-bench-events";
  }

  @Override
  public Optional<String> keyField() {
    return Optional.of("id");
  }

  @Override
  public Optional<String> keySerializer() {
    return Optional.of("org.apache.kafka.common.serialization.StringSerializer");
  }

  @Override
  public Map<String, String> headerFields() {
    return Map.of();
  }

  @Override
  public Optional<String> timestampField() {
    return Optional.empty();
  }

  @Override
  public List<FieldDescriptor> fields() {
    return List.of(
        new FieldDescriptor("id", FieldType.scalar(FieldType.Kind.STRING, "java.lang.String"), true),
        new FieldDescriptor("seq", FieldType.scalar(FieldType.Kind.INT64, "long"), false),
        new FieldDescriptor("amountCents", FieldType.scalar(FieldType.Kind.INT64, "long"), false),
        new FieldDescriptor("status", FieldType.enumOf("dev.courier.bench.model.LineEvent$Status",
            List.of("NEW", "PAID", "SHIPPED")), true),
        new FieldDescriptor("note", FieldType.scalar(FieldType.Kind.STRING, "java.lang.String"), true));
  }

  @Override
  public ProducerSettings settings() {
    return ProducerSettings.builder().origin("@KafkaMessage on dev.courier.bench.model.LineEvent").build();
  }
}

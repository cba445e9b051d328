/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * One member of a message or nested type: a record component, or a field with its getter and setter.
 *
 * @param name the JSON name (the component, field or property name)
 * @param element the element diagnostics are reported on (the record component or the field)
 * @param type the member's Java type
 * @param valueType the member's type as the JSON codec sees it
 * @param read how generated code reads it, or empty when it cannot
 * @param unreadableReason when {@code read} is empty: what was looked for
 * @param write how the generated deserializer sets it, or empty when it cannot
 * @param partitionKey the {@code @PartitionKey} annotation on it, or {@code null}
 * @param header the {@code @Header} annotation on it, or {@code null}
 * @param headerName the header name, when {@code header} is present
 * @param timestamp the {@code @Timestamp} annotation on it, or {@code null}
 * @param annotatedElement the element carrying the Courier annotations (component, field or getter)
 */
public record Member(
    String name,
    Element element,
    TypeMirror type,
    ValueType valueType,
    Optional<Access> read,
    String unreadableReason,
    Optional<Access> write,
    AnnotationMirror partitionKey,
    AnnotationMirror header,
    String headerName,
    AnnotationMirror timestamp,
    Element annotatedElement) {

  /**
   * Where the {@code @PartitionKey} of this member is.
   *
   * @return the location of the annotation, or of the member
   */
  public Location partitionKeyLocation() {
    return new Location(annotatedElement, partitionKey, null);
  }

  /**
   * Whether this member is the key and declares {@code @PartitionKey(nullable = true)}.
   *
   * @return {@code true} when messages may have a {@code null} key
   */
  public boolean keyNullable() {
    return nullableValue().map(v -> Boolean.TRUE.equals(v.getValue())).orElse(false);
  }

  /**
   * Where the {@code nullable} attribute of this member's {@code @PartitionKey} is.
   *
   * @return the location of the attribute value, or of the annotation when it is not given
   */
  public Location keyNullableLocation() {
    return new Location(annotatedElement, partitionKey, nullableValue().orElse(null));
  }

  private Optional<AnnotationValue> nullableValue() {
    if (partitionKey == null) {
      return Optional.empty();
    }
    return partitionKey.getElementValues().entrySet().stream()
        .filter(e -> e.getKey().getSimpleName().contentEquals("nullable"))
        .map(e -> (AnnotationValue) e.getValue())
        .findFirst();
  }
}

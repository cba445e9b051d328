/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a diagnostic belongs: an element, and optionally the annotation on it and one of the annotation's values,
 * so that an IDE underlines the attribute itself.
 *
 * @param element the element
 * @param annotation the annotation on {@code element}, or {@code null}
 * @param value a value of {@code annotation}, or {@code null}
 */
public record Location(Element element, AnnotationMirror annotation, AnnotationValue value) {

  /**
   * A location on an element only.
   *
   * @param element the element
   * @return the location
   */
  public static Location of(Element element) {
    return new Location(element, null, null);
  }

  /**
   * A location on an annotation of an element.
   *
   * @param element the element
   * @param annotation the annotation
   * @return the location
   */
  public static Location of(Element element, AnnotationMirror annotation) {
    return new Location(element, annotation, null);
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.diagnostics;

import dev.courier.config.Severity;
import dev.courier.config.Violation;
import dev.courier.processor.model.Location;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Prints diagnostics on the most specific place, counts errors, and drops warnings that the type suppresses with
 * {@code @SuppressWarnings("<id>")} (on the type, or a type it is nested in).
 */
public final class Reporter {
  private final Messager messager;
  private int errors;

  /**
   * Creates a reporter.
   *
   * @param messager where diagnostics go
   */
  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /**
   * Reports one of the processor's messages.
   *
   * @param message the message
   * @param location where
   * @param args the message's arguments
   */
  public void report(ProcessorMessage message, Location location, Object... args) {
    print(message.kind(), message.id(), message.format(args), location);
  }

  /**
   * Reports a violation of the producer rules, in the rule's own words.
   *
   * @param violation the violation
   * @param location the attribute it is about
   */
  public void report(Violation violation, Location location) {
    Diagnostic.Kind kind = violation.severity() == Severity.ERROR ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
    print(kind, violation.id(), violation.toString(), location);
  }

  /**
   * The number of errors reported so far.
   *
   * @return the error count
   */
  public int errorCount() {
    return errors;
  }

  private void print(Diagnostic.Kind kind, String id, String text, Location location) {
    if (kind != Diagnostic.Kind.ERROR && suppressed(location.element(), id)) {
      return;
    }
    if (kind == Diagnostic.Kind.ERROR) {
      errors++;
    }
    Element element = location.element();
    AnnotationMirror annotation = location.annotation();
    AnnotationValue value = location.value();
    if (annotation != null && value != null) {
      messager.printMessage(kind, text, element, annotation, value);
    } else if (annotation != null) {
      messager.printMessage(kind, text, element, annotation);
    } else {
      messager.printMessage(kind, text, element);
    }
  }

  private static boolean suppressed(Element element, String id) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
      if (suppress != null && List.of(suppress.value()).contains(id)) {
        return true;
      }
      if (e instanceof TypeElement type && !type.getNestingKind().isNested()) {
        return false;
      }
    }
    return false;
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import java.util.Objects;

/**
 * One member of a message as its JSON value carries it.
 *
 * @param name the JSON property name (the record component, field or property name)
 * @param type the member's type
 * @param optional whether the value may be {@code null} or absent (every reference type, and {@code Optional})
 */
public record MemberDescriptor(String name, MemberType type, boolean optional) {

  /**
   * Checks the components.
   *
   * @param name the JSON property name
   * @param type the member's type
   * @param optional whether the value may be {@code null} or absent
   */
  public MemberDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}

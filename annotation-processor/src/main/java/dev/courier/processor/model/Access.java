/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

/**
 * How generated code reads or writes a member.
 *
 * @param kind field, method or constructor parameter
 * @param name the field's or method's name
 */
public record Access(Kind kind, String name) {

  /** The ways to reach a member. */
  public enum Kind {
    /** A field, read or assigned directly. */
    FIELD,
    /** A getter (read) or setter (write). */
    METHOD,
    /** A parameter of the creating constructor (write only). */
    CONSTRUCTOR
  }

  /**
   * A field.
   *
   * @param name the field name
   * @return the access
   */
  public static Access field(String name) {
    return new Access(Kind.FIELD, name);
  }

  /**
   * A method.
   *
   * @param name the method name
   * @return the access
   */
  public static Access method(String name) {
    return new Access(Kind.METHOD, name);
  }

  /**
   * A constructor parameter.
   *
   * @return the access
   */
  public static Access constructor() {
    return new Access(Kind.CONSTRUCTOR, "");
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

import java.util.List;

/**
 * How the generated deserializer creates an instance of a type.
 *
 * @param kind the way
 * @param parameters for a constructor: the member names in parameter order
 * @param problem for {@link Kind#NONE}: why no way was found
 */
public record Creator(Kind kind, List<String> parameters, String problem) {

  /** The ways to create an instance. */
  public enum Kind {
    /** A record's canonical constructor. */
    CANONICAL,
    /** A constructor whose parameters are exactly the members. */
    ALL_MEMBERS,
    /** A no-argument constructor, then setters or field assignments. */
    NO_ARGS,
    /** No way: the type can be written but not read. */
    NONE
  }

  /**
   * Copies the list.
   *
   * @param kind the way
   * @param parameters for a constructor: the member names in parameter order
   * @param problem for {@link Kind#NONE}: why no way was found
   */
  public Creator {
    parameters = List.copyOf(parameters);
  }

  /**
   * A constructor taking the members in the given order.
   *
   * @param kind {@link Kind#CANONICAL} or {@link Kind#ALL_MEMBERS}
   * @param parameters the member names in parameter order
   * @return the creator
   */
  public static Creator constructor(Kind kind, List<String> parameters) {
    return new Creator(kind, parameters, "");
  }

  /**
   * The no-argument constructor.
   *
   * @return the creator
   */
  public static Creator noArgs() {
    return new Creator(Kind.NO_ARGS, List.of(), "");
  }

  /**
   * No way to create the type.
   *
   * @param problem why
   * @return the creator
   */
  public static Creator none(String problem) {
    return new Creator(Kind.NONE, List.of(), problem);
  }
}

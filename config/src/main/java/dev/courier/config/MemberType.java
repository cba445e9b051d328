/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The type of one member of a message, as its JSON value carries it. Generated descriptors build these with the
 * static factories; the connectors match them with CSV columns and database columns before the generated reader
 * reads the values.
 */
public final class MemberType {

  /** The kinds of member Courier's JSON codec supports, named by what the JSON value holds. */
  public enum Kind {
    /** {@code boolean}/{@code Boolean}: JSON {@code true}/{@code false}. */
    BOOLEAN,
    /** {@code byte}/{@code Byte}: a JSON integer. */
    INT8,
    /** {@code short}/{@code Short}: a JSON integer. */
    INT16,
    /** {@code int}/{@code Integer}: a JSON integer. */
    INT32,
    /** {@code long}/{@code Long}: a JSON integer. */
    INT64,
    /** {@code float}/{@code Float}: a JSON number, the shortest decimal that reads back as the same float. */
    FLOAT32,
    /** {@code double}/{@code Double}: a JSON number, the shortest decimal that reads back as the same double. */
    FLOAT64,
    /** {@code char}/{@code Character}: a JSON string of one character. */
    CHAR,
    /** {@code String}: a JSON string. */
    STRING,
    /**
     * {@code BigDecimal}: a JSON string holding its exact {@code toString()}, scale kept ({@code "12.50"},
     * {@code "1E+3"}); read from such a string or from a JSON number.
     *
     * <p>A string, not a JSON number, so that the value stays exact for JSON readers that parse every number as a
     * double, and keeps its scale for any reader. Courier's connectors write the same bytes, since they serialize
     * with the generated serializer.
     */
    DECIMAL,
    /**
     * {@code BigInteger}: a JSON string holding its decimal digits ({@code "-42"}); read from such a string or from
     * a JSON integer. A string for the reasons given at {@link #DECIMAL}.
     */
    BIG_INTEGER,
    /** {@code UUID}: a JSON string in the canonical 36-character form. */
    UUID,
    /** {@code Instant}: a JSON string in ISO-8601 ({@code 2026-11-27T10:15:30Z}). */
    INSTANT,
    /** {@code LocalDate}: a JSON string in ISO-8601 ({@code 2026-11-27}). */
    LOCAL_DATE,
    /** {@code LocalDateTime}: a JSON string in ISO-8601 without offset. */
    LOCAL_DATE_TIME,
    /** {@code OffsetDateTime}: a JSON string in ISO-8601 with offset. */
    OFFSET_DATE_TIME,
    /** {@code byte[]}: a JSON string, base64. */
    BYTES,
    /** An enum: a JSON string, the constant's name. */
    ENUM,
    /** {@code List}, {@code Set} or an array (other than {@code byte[]}): a JSON array. */
    ARRAY,
    /** {@code Map} with {@code String} keys: a JSON object. */
    MAP,
    /** A nested record or class: a JSON object with its own members. */
    STRUCT
  }

  private final Kind kind;
  private final String javaType;
  private final MemberType element;
  private final List<MemberDescriptor> members;
  private final List<String> symbols;

  private MemberType(
      Kind kind, String javaType, MemberType element, List<MemberDescriptor> members, List<String> symbols) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.javaType = Objects.requireNonNull(javaType, "javaType");
    this.element = element;
    this.members = List.copyOf(members);
    this.symbols = List.copyOf(symbols);
  }

  /**
   * A scalar type.
   *
   * @param kind a kind other than {@link Kind#ENUM}, {@link Kind#ARRAY}, {@link Kind#MAP} or {@link Kind#STRUCT}
   * @param javaType the Java type as written in source, for messages (for example {@code java.time.Instant})
   * @return the type
   */
  public static MemberType scalar(Kind kind, String javaType) {
    if (kind == Kind.ENUM || kind == Kind.ARRAY || kind == Kind.MAP || kind == Kind.STRUCT) {
      throw new IllegalArgumentException(kind + " is not a scalar kind");
    }
    return new MemberType(kind, javaType, null, List.of(), List.of());
  }

  /**
   * An enum type.
   *
   * @param javaType the enum's canonical name
   * @param symbols its constants, in declaration order
   * @return the type
   */
  public static MemberType enumOf(String javaType, List<String> symbols) {
    return new MemberType(Kind.ENUM, javaType, null, List.of(), symbols);
  }

  /**
   * A list, set or array type.
   *
   * @param javaType the collection type as written in source
   * @param element the element type
   * @return the type
   */
  public static MemberType arrayOf(String javaType, MemberType element) {
    return new MemberType(Kind.ARRAY, javaType, Objects.requireNonNull(element, "element"), List.of(), List.of());
  }

  /**
   * A map type with {@code String} keys.
   *
   * @param javaType the map type as written in source
   * @param value the value type
   * @return the type
   */
  public static MemberType mapOf(String javaType, MemberType value) {
    return new MemberType(Kind.MAP, javaType, Objects.requireNonNull(value, "value"), List.of(), List.of());
  }

  /**
   * A nested record or class.
   *
   * @param javaType its canonical name
   * @param members its members, in JSON order
   * @return the type
   */
  public static MemberType struct(String javaType, List<MemberDescriptor> members) {
    return new MemberType(Kind.STRUCT, javaType, null, members, List.of());
  }

  /**
   * The kind.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The Java type as written in source, for messages.
   *
   * @return the Java type
   */
  public String javaType() {
    return javaType;
  }

  /**
   * The element type of an {@link Kind#ARRAY} or the value type of a {@link Kind#MAP}.
   *
   * @return the element or value type, or empty for other kinds
   */
  public Optional<MemberType> element() {
    return Optional.ofNullable(element);
  }

  /**
   * The members of a {@link Kind#STRUCT}.
   *
   * @return the members in JSON order, empty for other kinds
   */
  public List<MemberDescriptor> members() {
    return members;
  }

  /**
   * The constants of an {@link Kind#ENUM}.
   *
   * @return the constant names, empty for other kinds
   */
  public List<String> symbols() {
    return symbols;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemberType other
        && kind == other.kind
        && javaType.equals(other.javaType)
        && Objects.equals(element, other.element)
        && members.equals(other.members)
        && symbols.equals(other.symbols);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, javaType, element, members, symbols);
  }

  @Override
  public String toString() {
    return javaType;
  }
}

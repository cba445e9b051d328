/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.courier.config.MemberType;
import java.util.EnumSet;
import java.util.List;

/** The type of a member as Courier's JSON codec sees it. */
public sealed interface ValueType {

  /**
   * The Java type.
   *
   * @return the type as JavaPoet writes it
   */
  TypeName typeName();

  /**
   * A type with one JSON scalar form.
   *
   * @param kind the kind, as the descriptor names it: one of the scalar kinds of {@link MemberType.Kind}, never
   *     {@code ENUM}, {@code ARRAY}, {@code MAP} or {@code STRUCT}
   * @param primitive whether the Java type is primitive (never {@code null})
   * @param typeName the Java type
   */
  record Scalar(MemberType.Kind kind, boolean primitive, TypeName typeName) implements ValueType {
    /**
     * Refuses the kinds that are not scalars.
     *
     * @param kind the kind
     * @param primitive whether the Java type is primitive
     * @param typeName the Java type
     */
    public Scalar {
      if (EnumSet.of(MemberType.Kind.ENUM, MemberType.Kind.ARRAY, MemberType.Kind.MAP, MemberType.Kind.STRUCT)
          .contains(kind)) {
        throw new IllegalArgumentException("not a scalar kind: " + kind);
      }
    }
  }

  /**
   * An enum, written as its constant's name.
   *
   * @param typeName the enum class
   * @param constants the constant names in declaration order
   */
  record EnumType(ClassName typeName, List<String> constants) implements ValueType {
    /**
     * Copies the list.
     *
     * @param typeName the enum class
     * @param constants the constant names in declaration order
     */
    public EnumType {
      constants = List.copyOf(constants);
    }
  }

  /** The Java shapes of a JSON array. */
  enum SequenceKind {
    /** {@code java.util.List}, read as an {@code ArrayList}. */
    LIST,
    /** {@code java.util.Set}, read as a {@code LinkedHashSet}. */
    SET,
    /** {@code java.util.Collection}, read as an {@code ArrayList}. */
    COLLECTION,
    /** A Java array. */
    ARRAY
  }

  /**
   * A list, set, collection or array: a JSON array.
   *
   * @param kind the Java shape
   * @param element the element type
   * @param typeName the Java type
   */
  record Sequence(SequenceKind kind, ValueType element, TypeName typeName) implements ValueType {}

  /**
   * A {@code Map<String, V>}: a JSON object.
   *
   * @param value the value type
   * @param typeName the Java type
   */
  record MapType(ValueType value, TypeName typeName) implements ValueType {}

  /**
   * An {@code Optional<X>}: the JSON of {@code X}, or {@code null} when empty.
   *
   * @param element the type of the optional's value
   * @param typeName the Java type
   */
  record OptionalType(ValueType element, TypeName typeName) implements ValueType {}

  /**
   * A nested record or class: a JSON object of its own members.
   *
   * @param model the nested type
   */
  record Struct(StructModel model) implements ValueType {
    @Override
    public TypeName typeName() {
      return model.typeName();
    }
  }

  /**
   * A type the codec cannot handle.
   *
   * @param typeName the Java type
   * @param typeText the type as the message shows it
   * @param reason why, as a phrase
   */
  record Unsupported(TypeName typeName, String typeText, String reason) implements ValueType {}
}

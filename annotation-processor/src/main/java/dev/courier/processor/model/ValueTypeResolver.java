/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.courier.config.MemberType;
import dev.courier.processor.model.ValueType.SequenceKind;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Resolves the {@link ValueType} of a member's type: what JSON form generated code gives it, or why it has none.
 *
 * <p>This class owns the table of supported types: primitives and their boxes, {@code String}, the numbers, dates and
 * times and {@code UUID} Courier writes as scalars; {@code byte[]}; arrays, {@code List}, {@code Set} and
 * {@code Collection}; {@code Map} with {@code String} keys; {@code Optional} as a member's own type only; enums; and
 * concrete, non-generic, creatable records and classes, whose members it hands back to its {@link MemberReader}.
 * Anything else, including a recursive type, resolves to {@link ValueType.Unsupported} with the reason for
 * validation to report; a type that does not exist is also noted as unresolved, so the message is read again in a
 * later round.
 */
final class ValueTypeResolver {

  private final MemberReader members;
  private final String packageName;
  private final Set<String> unresolved;

  ValueTypeResolver(MemberReader members, String packageName, Set<String> unresolved) {
    this.members = members;
    this.packageName = packageName;
    this.unresolved = unresolved;
  }

  /**
   * Resolves the value type of a member or of a part of one.
   *
   * @param type the type
   * @param memberLevel whether the type is a member's own type (where {@code Optional} is allowed)
   * @return the value type, {@link ValueType.Unsupported} with the reason when generated code cannot handle it
   */
  ValueType resolve(TypeMirror type, boolean memberLevel) {
    TypeName typeName = safeTypeName(type);
    switch (type.getKind()) {
      case BOOLEAN:
        return new ValueType.Scalar(MemberType.Kind.BOOLEAN, true, typeName);
      case BYTE:
        return new ValueType.Scalar(MemberType.Kind.INT8, true, typeName);
      case SHORT:
        return new ValueType.Scalar(MemberType.Kind.INT16, true, typeName);
      case INT:
        return new ValueType.Scalar(MemberType.Kind.INT32, true, typeName);
      case LONG:
        return new ValueType.Scalar(MemberType.Kind.INT64, true, typeName);
      case FLOAT:
        return new ValueType.Scalar(MemberType.Kind.FLOAT32, true, typeName);
      case DOUBLE:
        return new ValueType.Scalar(MemberType.Kind.FLOAT64, true, typeName);
      case CHAR:
        return new ValueType.Scalar(MemberType.Kind.CHAR, true, typeName);
      case ARRAY:
        return arrayType((ArrayType) type, typeName);
      case DECLARED:
        return declaredType((DeclaredType) type, typeName, memberLevel);
      case ERROR:
        unresolved.add(type.toString());
        return unsupported(typeName, "a type that does not exist");
      case TYPEVAR:
        return unsupported(typeName, "a type variable, whose JSON form is not known at compile time");
      case WILDCARD:
        return unsupported(typeName, "a wildcard type");
      default:
        return unsupported(typeName, "not a data type");
    }
  }

  private ValueType arrayType(ArrayType type, TypeName typeName) {
    TypeMirror component = type.getComponentType();
    if (component.getKind() == TypeKind.BYTE) {
      return new ValueType.Scalar(MemberType.Kind.BYTES, false, typeName);
    }
    if (component instanceof DeclaredType d && !d.getTypeArguments().isEmpty()) {
      return unsupported(typeName, "an array of a generic type, which cannot be created without unchecked casts;"
          + " use a List instead");
    }
    return new ValueType.Sequence(SequenceKind.ARRAY, resolve(component, false), typeName);
  }

  private ValueType declaredType(DeclaredType type, TypeName typeName, boolean memberLevel) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    switch (name) {
      case "java.lang.Boolean":
        return new ValueType.Scalar(MemberType.Kind.BOOLEAN, false, typeName);
      case "java.lang.Byte":
        return new ValueType.Scalar(MemberType.Kind.INT8, false, typeName);
      case "java.lang.Short":
        return new ValueType.Scalar(MemberType.Kind.INT16, false, typeName);
      case "java.lang.Integer":
        return new ValueType.Scalar(MemberType.Kind.INT32, false, typeName);
      case "java.lang.Long":
        return new ValueType.Scalar(MemberType.Kind.INT64, false, typeName);
      case "java.lang.Float":
        return new ValueType.Scalar(MemberType.Kind.FLOAT32, false, typeName);
      case "java.lang.Double":
        return new ValueType.Scalar(MemberType.Kind.FLOAT64, false, typeName);
      case "java.lang.Character":
        return new ValueType.Scalar(MemberType.Kind.CHAR, false, typeName);
      case "java.lang.String":
        return new ValueType.Scalar(MemberType.Kind.STRING, false, typeName);
      case "java.math.BigDecimal":
        return new ValueType.Scalar(MemberType.Kind.DECIMAL, false, typeName);
      case "java.math.BigInteger":
        return new ValueType.Scalar(MemberType.Kind.BIG_INTEGER, false, typeName);
      case "java.util.UUID":
        return new ValueType.Scalar(MemberType.Kind.UUID, false, typeName);
      case "java.time.Instant":
        return new ValueType.Scalar(MemberType.Kind.INSTANT, false, typeName);
      case "java.time.LocalDate":
        return new ValueType.Scalar(MemberType.Kind.LOCAL_DATE, false, typeName);
      case "java.time.LocalDateTime":
        return new ValueType.Scalar(MemberType.Kind.LOCAL_DATE_TIME, false, typeName);
      case "java.time.OffsetDateTime":
        return new ValueType.Scalar(MemberType.Kind.OFFSET_DATE_TIME, false, typeName);
      case "java.util.Optional":
        if (!memberLevel) {
          return unsupported(typeName, "an Optional inside another type; Optional is supported as a member's"
              + " type only (an element or map value may simply be null)");
        }
        if (arguments.size() != 1) {
          return unsupported(typeName, "a raw type");
        }
        return new ValueType.OptionalType(resolve(arguments.get(0), false), typeName);
      case "java.util.List":
      case "java.util.Set":
      case "java.util.Collection":
        if (arguments.size() != 1) {
          return unsupported(typeName, "a raw type");
        }
        if (arguments.get(0).getKind() == TypeKind.WILDCARD) {
          return unsupported(typeName, "a collection with a wildcard element type; name the element type");
        }
        SequenceKind kind =
            name.endsWith("List") ? SequenceKind.LIST : name.endsWith("Set") ? SequenceKind.SET
                : SequenceKind.COLLECTION;
        return new ValueType.Sequence(kind, resolve(arguments.get(0), false), typeName);
      case "java.util.Map":
        if (arguments.size() != 2) {
          return unsupported(typeName, "a raw type");
        }
        TypeMirror key = arguments.get(0);
        if (!(key instanceof DeclaredType keyType)
            || !((TypeElement) keyType.asElement()).getQualifiedName().contentEquals("java.lang.String")) {
          return unsupported(typeName, "a Map whose keys are not String (JSON object keys are strings)");
        }
        if (arguments.get(1).getKind() == TypeKind.WILDCARD) {
          return unsupported(typeName, "a Map with a wildcard value type; name the value type");
        }
        return new ValueType.MapType(resolve(arguments.get(1), false), typeName);
      default:
        break;
    }
    if (element.getKind() == ElementKind.ENUM) {
      List<String> constants =
          element.getEnclosedElements().stream()
              .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
              .map(e -> e.getSimpleName().toString())
              .toList();
      if (!members.accessible(element)) {
        return unsupported(typeName, "not accessible from package " + packageName);
      }
      return new ValueType.EnumType(ClassName.get(element), constants);
    }
    if (name.startsWith("java.") || name.startsWith("javax.")) {
      return unsupported(typeName, "a JDK type that Courier has no JSON form for");
    }
    if (element.getKind() == ElementKind.INTERFACE
        || element.getKind() == ElementKind.ANNOTATION_TYPE
        || element.getModifiers().contains(Modifier.ABSTRACT)) {
      return unsupported(typeName, "abstract, so a deserializer could not know which class to create");
    }
    if (!element.getTypeParameters().isEmpty()) {
      return unsupported(typeName, "a generic type; use a concrete record or class");
    }
    if (element.getNestingKind() == NestingKind.MEMBER
        && element.getKind() == ElementKind.CLASS
        && !element.getModifiers().contains(Modifier.STATIC)) {
      return unsupported(typeName, "an inner (non-static) class, which needs an enclosing instance to create");
    }
    if (element.getNestingKind() == NestingKind.LOCAL || element.getNestingKind() == NestingKind.ANONYMOUS) {
      return unsupported(typeName, "a local or anonymous class");
    }
    if (members.inProgress(name)) {
      return unsupported(typeName, "recursive (it contains itself), which the connector's schema cannot"
          + " describe");
    }
    return new ValueType.Struct(members.struct(element, type, false));
  }

  private ValueType unsupported(TypeName typeName, String reason) {
    return new ValueType.Unsupported(typeName, typeName.toString(), reason);
  }

  /** A JavaPoet type name for any mirror, also erroneous ones. */
  private static TypeName safeTypeName(TypeMirror type) {
    try {
      return TypeName.get(type);
    } catch (IllegalArgumentException e) {
      return ClassName.get("", type.toString().replaceAll("[^A-Za-z0-9_$.]", "_"));
    }
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.writer;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.courier.processor.model.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The types of a message that get a method of their own in the generated codec and descriptor (nested records and
 * classes, collections, maps, optionals), each with a readable, unique name such as {@code ListOfAddress}, in a
 * deterministic order.
 */
final class CodecNames {
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, ValueType> types = new LinkedHashMap<>();
  private final Map<String, String> used = new HashMap<>();

  /** Registers every composite type reachable from a root type, depth first. */
  void collect(ValueType type) {
    if (type instanceof ValueType.Struct struct) {
      if (register(type)) {
        struct.model().members().forEach(m -> collect(m.valueType()));
      }
    } else if (type instanceof ValueType.Sequence sequence) {
      if (register(type)) {
        collect(sequence.element());
      }
    } else if (type instanceof ValueType.MapType map) {
      if (register(type)) {
        collect(map.value());
      }
    } else if (type instanceof ValueType.OptionalType optional) {
      if (register(type)) {
        collect(optional.element());
      }
    }
  }

  /** The composite types in the order they were first reached. */
  List<ValueType> composites() {
    return new ArrayList<>(types.values());
  }

  /** The method-name suffix of a composite type, for example {@code ListOfAddress}. */
  String name(ValueType type) {
    String name = names.get(key(type));
    if (name == null) {
      throw new IllegalStateException("not registered: " + type.typeName());
    }
    return name;
  }

  private boolean register(ValueType type) {
    String key = key(type);
    if (names.containsKey(key)) {
      return false;
    }
    String base = base(type);
    String name = base;
    for (int i = 2; used.containsKey(name) && !used.get(name).equals(key); i++) {
      name = base + i;
    }
    used.put(name, key);
    names.put(key, name);
    types.put(key, type);
    return true;
  }

  private static String key(ValueType type) {
    return type.getClass().getSimpleName() + ":" + type.typeName();
  }

  private static String base(ValueType type) {
    if (type instanceof ValueType.Sequence sequence) {
      switch (sequence.kind()) {
        case LIST:
          return "ListOf" + simple(sequence.element());
        case SET:
          return "SetOf" + simple(sequence.element());
        case COLLECTION:
          return "CollectionOf" + simple(sequence.element());
        default:
          return simple(sequence.element()) + "Array";
      }
    }
    if (type instanceof ValueType.MapType map) {
      return "MapOf" + simple(map.value());
    }
    if (type instanceof ValueType.OptionalType optional) {
      return "OptionalOf" + simple(optional.element());
    }
    return simple(type);
  }

  private static String simple(ValueType type) {
    if (type instanceof ValueType.Sequence || type instanceof ValueType.MapType
        || type instanceof ValueType.OptionalType) {
      return base(type);
    }
    return simple(type.typeName());
  }

  private static String simple(TypeName typeName) {
    if (typeName instanceof ClassName className) {
      return String.join("_", className.simpleNames());
    }
    if (typeName instanceof ArrayTypeName array) {
      return simple(array.componentType()) + "Array";
    }
    if (typeName.isPrimitive()) {
      String text = typeName.toString();
      return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
    return typeName.toString().replaceAll("[^A-Za-z0-9]", "_");
  }

  /** {@code orderId} to {@code ORDER_ID}, {@code OrderStatus} to {@code ORDER_STATUS}: a constant's name. */
  static String constantName(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      char before = i > 0 ? name.charAt(i - 1) : '_';
      if (Character.isUpperCase(c) && !Character.isUpperCase(before) && before != '_') {
        out.append('_');
      }
      out.append(c);
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  /**
   * Adds a {@code private static final SerializedString} constant per member name: the name's quoted UTF-8 bytes,
   * which jackson-core writes or compares without encoding each character.
   *
   * @param type the generated class
   * @param memberNames member name to constant name, in the order the constants are declared
   */
  static void addMemberNameConstants(TypeSpec.Builder type, Map<String, String> memberNames) {
    memberNames.forEach(
        (member, constant) ->
            type.addField(
                FieldSpec.builder(TypeNames.SERIALIZED_STRING, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("new $T($S)", TypeNames.SERIALIZED_STRING, member)
                    .build()));
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

import dev.courier.processor.model.MessageModel.Misplaced;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Finds the Courier annotations ({@code @PartitionKey}, {@code @Header}, {@code @Timestamp}) that are not on one of
 * the message type's own members and so would be silently ignored.
 *
 * <p>This class owns the rules of where those annotations count: a method of the message type that is not a
 * member's getter, a static or transient field (of the type or its superclasses), and any member of a type that the
 * message's members reach (a nested record or class, also inside lists, maps and optionals) is a misplaced place.
 * Each one found becomes a {@link Misplaced} entry of the model, for validation to report on that element.
 */
final class MisplacedAnnotations {

  private MisplacedAnnotations() {}

  /**
   * Finds the misplaced Courier annotations of a message type.
   *
   * @param type the message type
   * @param struct its members, as read
   * @return each misplaced annotation, with the element it is on and why it does not count there
   */
  static List<Misplaced> find(TypeElement type, StructModel struct) {
    Set<Element> used = new HashSet<>();
    for (Member member : struct.members()) {
      used.add(member.annotatedElement());
      used.add(member.element());
    }
    Set<String> getters = new HashSet<>();
    for (Member member : struct.members()) {
      member.read().filter(a -> a.kind() == Access.Kind.METHOD).ifPresent(a -> getters.add(a.name()));
      getters.addAll(MemberReader.getterNames(member.name(), member.type()));
    }
    List<Misplaced> misplaced = new ArrayList<>();
    // Methods of the message type that no member reads through.
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (used.contains(method) || !hasCourierAnnotation(method)) {
        continue;
      }
      boolean isGetter =
          method.getParameters().isEmpty() && getters.contains(method.getSimpleName().toString());
      if (isGetter) {
        continue;
      }
      addMisplaced(misplaced, method, method.getSimpleName() + "()", "");
    }
    // Static and transient fields are not members, so an annotation on one would be silently ignored.
    for (TypeElement owner = type; owner != null; owner = superclass(owner)) {
      for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
        Set<Modifier> modifiers = field.getModifiers();
        if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.TRANSIENT)) {
          String kind = modifiers.contains(Modifier.STATIC) ? "static" : "transient";
          addMisplaced(misplaced, field, kind + " field '" + field.getSimpleName() + "'",
              "it is " + kind + ", so it is not part of the message");
        }
      }
    }
    // Only the message type's own members are its key, headers and timestamp.
    nestedAnnotated(struct, struct, misplaced, new HashSet<>());
    return misplaced;
  }

  private static void addMisplaced(List<Misplaced> misplaced, Element element, String description, String why) {
    for (String name : List.of(ModelReader.PARTITION_KEY, ModelReader.HEADER, ModelReader.TIMESTAMP)) {
      AnnotationMirror mirror = ModelReader.annotation(element, name);
      if (mirror != null) {
        misplaced.add(new Misplaced(element, mirror, name.substring(name.lastIndexOf('.') + 1), description, why));
      }
    }
  }

  private static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    if (!(superclass instanceof DeclaredType declared)) {
      return null;
    }
    TypeElement element = (TypeElement) declared.asElement();
    return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
  }

  /** Collects the Courier annotations on members of the types the message's members reach. */
  private static void nestedAnnotated(
      StructModel message, StructModel struct, List<Misplaced> misplaced, Set<String> seen) {
    for (Member member : struct.members()) {
      if (struct != message) {
        for (AnnotationMirror mirror : java.util.Arrays.asList(member.partitionKey(), member.header(),
            member.timestamp())) {
          if (mirror != null) {
            String name = mirror.getAnnotationType().asElement().getSimpleName().toString();
            misplaced.add(new Misplaced(member.annotatedElement(), mirror, name,
                "member '" + member.name() + "'",
                struct.qualifiedName() + " is not the message type " + message.qualifiedName()
                    + " but a type its members reach; only the message type's own members are its key, headers"
                    + " and timestamp"));
          }
        }
      }
      nestedStructs(member.valueType(), message, misplaced, seen);
    }
  }

  private static void nestedStructs(ValueType type, StructModel message, List<Misplaced> misplaced,
      Set<String> seen) {
    if (type instanceof ValueType.Struct struct) {
      if (seen.add(struct.model().qualifiedName())) {
        nestedAnnotated(message, struct.model(), misplaced, seen);
      }
    } else if (type instanceof ValueType.Sequence sequence) {
      nestedStructs(sequence.element(), message, misplaced, seen);
    } else if (type instanceof ValueType.MapType map) {
      nestedStructs(map.value(), message, misplaced, seen);
    } else if (type instanceof ValueType.OptionalType optional) {
      nestedStructs(optional.element(), message, misplaced, seen);
    }
  }

  private static boolean hasCourierAnnotation(Element element) {
    return ModelReader.annotation(element, ModelReader.PARTITION_KEY) != null
        || ModelReader.annotation(element, ModelReader.HEADER) != null
        || ModelReader.annotation(element, ModelReader.TIMESTAMP) != null;
  }
}

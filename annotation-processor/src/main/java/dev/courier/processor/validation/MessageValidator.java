/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.validation;

import dev.courier.ValueFormat;
import dev.courier.config.ProducerRules;
import dev.courier.config.Violation;
import dev.courier.processor.diagnostics.ProcessorMessage;
import dev.courier.processor.diagnostics.Reporter;
import dev.courier.processor.model.Attributes;
import dev.courier.processor.model.Creator;
import dev.courier.processor.model.KeyTypes;
import dev.courier.processor.model.Location;
import dev.courier.processor.model.Member;
import dev.courier.processor.model.MessageModel;
import dev.courier.processor.model.MessageModel.DeclaredSerializer;
import dev.courier.processor.model.SettingsModel;
import dev.courier.processor.model.StructModel;
import dev.courier.processor.model.ValueType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Checks one message model and reports every problem it finds. */
public final class MessageValidator {
  private final Types types;
  private final Reporter reporter;

  /**
   * Creates a validator.
   *
   * @param types the type utilities
   * @param reporter where problems go
   */
  public MessageValidator(Types types, Reporter reporter) {
    this.types = types;
    this.reporter = reporter;
  }

  /**
   * Checks a model.
   *
   * @param model the model
   * @return whether the model is free of errors, so code can be generated from it
   */
  public boolean validate(MessageModel model) {
    int before = reporter.errorCount();
    if (!shape(model)) {
      return false;
    }
    if (model.topicLocation().value() == null) {
      // No topic at all (it has no default): the compiler reports the missing attribute, under javac and ecj alike;
      // a "blank topic" error on top would say the same thing twice.
      return false;
    }
    topic(model);
    settings(model);
    members(model);
    return reporter.errorCount() == before;
  }

  // ---------------------------------------------------------------------------------------------- the type

  private boolean shape(MessageModel model) {
    MessageModel.Shape shape = model.shape();
    Location where = Location.of(model.element(), model.annotation());
    String name = model.qualifiedName();
    boolean ok = true;
    if (!shape.kindText().isEmpty()) {
      reporter.report(ProcessorMessage.TYPE_KIND, where, name, shape.kindText());
      return false;
    }
    if (shape.isAbstract()) {
      reporter.report(ProcessorMessage.TYPE_KIND, where, name, "an abstract class");
      ok = false;
    }
    if (!shape.typeParameters().isEmpty()) {
      reporter.report(ProcessorMessage.TYPE_GENERIC, where, name, shape.typeParameters());
      ok = false;
    }
    if (!shape.nestingText().isEmpty()) {
      reporter.report(ProcessorMessage.TYPE_NESTING, where, name, shape.nestingText());
      ok = false;
    }
    if (shape.isPrivate()) {
      reporter.report(ProcessorMessage.TYPE_ACCESS, where, name);
      ok = false;
    }
    return ok;
  }

  // ---------------------------------------------------------------------------------------------- topic

  private void topic(MessageModel model) {
    String topic = model.topic();
    Optional<String> problem = TopicNames.problem(topic);
    if (problem.isPresent()) {
      String shown = topic.isBlank() ? "blank" : "\"" + topic + "\"";
      reporter.report(ProcessorMessage.TOPIC, model.topicLocation(), model.qualifiedName(), shown, problem.get());
      return;
    }
    if (topic.contains(".") && topic.contains("_")) {
      reporter.report(
          ProcessorMessage.TOPIC_COLLISION,
          model.topicLocation(),
          model.qualifiedName(),
          topic,
          topic.replace('.', '_'));
    }
  }

  // ---------------------------------------------------------------------------------------------- settings

  private void settings(MessageModel model) {
    SettingsModel settings = model.settings();
    String name = model.qualifiedName();
    for (SettingsModel.PropertyProblem problem : settings.problems()) {
      switch (problem.kind()) {
        case SYNTAX:
          reporter.report(ProcessorMessage.PROPERTY_SYNTAX, problem.location(), problem.entry(), name);
          break;
        case COVERED:
          reporter.report(
              ProcessorMessage.PROPERTY_ATTRIBUTE,
              problem.location(),
              problem.entry(),
              name,
              problem.key(),
              problem.detail(),
              problem.detail());
          break;
        case DUPLICATE:
          reporter.report(
              ProcessorMessage.PROPERTY_DUPLICATE,
              problem.location(),
              problem.entry(),
              name,
              problem.key(),
              problem.detail());
          break;
        default:
          throw new AssertionError(problem.kind());
      }
    }
    for (Violation violation : ProducerRules.check(settings.settings())) {
      reporter.report(violation, locate(model, violation));
    }
  }

  /** The annotation value a violation is about: its key's, else a related key's, else the annotation. */
  private static Location locate(MessageModel model, Violation violation) {
    Map<String, Location> locations = model.settings().locations();
    Location location = locations.get(violation.key());
    if (location != null) {
      return location;
    }
    for (String related : violation.relatedKeys()) {
      if (locations.containsKey(related)) {
        return locations.get(related);
      }
    }
    Optional<String> attribute = Attributes.attribute(violation.key());
    if (attribute.isPresent() && attribute.get().equals(Attributes.SEND_MODE)) {
      return locations.get(Attributes.SEND_MODE);
    }
    return Location.of(model.element(), model.annotation());
  }

  // ---------------------------------------------------------------------------------------------- members

  private void members(MessageModel model) {
    String name = model.qualifiedName();
    StructModel struct = model.struct();
    for (MessageModel.Misplaced misplaced : model.misplaced()) {
      if (!misplaced.ignoredBecause().isEmpty()) {
        reporter.report(
            ProcessorMessage.MEMBER_IGNORED,
            Location.of(misplaced.element(), misplaced.annotation()),
            misplaced.simpleName(),
            misplaced.description(),
            name,
            misplaced.ignoredBecause(),
            misplaced.simpleName());
        continue;
      }
      reporter.report(
          ProcessorMessage.MEMBER_DERIVED,
          Location.of(misplaced.element(), misplaced.annotation()),
          misplaced.simpleName(),
          misplaced.element().getSimpleName(),
          name,
          misplaced.simpleName());
    }
    for (String duplicate : struct.duplicates()) {
      reporter.report(ProcessorMessage.MEMBER_DUPLICATE, Location.of(model.element()), name, duplicate);
    }

    List<Member> keys = struct.members().stream().filter(m -> m.partitionKey() != null).toList();
    List<Member> timestamps = struct.members().stream().filter(m -> m.timestamp() != null).toList();
    if (keys.size() > 1) {
      String all = keys.stream().map(m -> "'" + m.name() + "'").collect(Collectors.joining(", "));
      for (Member extra : keys.subList(1, keys.size())) {
        reporter.report(ProcessorMessage.KEY_DUPLICATE, extra.partitionKeyLocation(), name, all);
      }
    }
    if (timestamps.size() > 1) {
      String all = timestamps.stream().map(m -> "'" + m.name() + "'").collect(Collectors.joining(", "));
      for (Member extra : timestamps.subList(1, timestamps.size())) {
        reporter.report(
            ProcessorMessage.TIMESTAMP_DUPLICATE,
            new Location(extra.annotatedElement(), extra.timestamp(), null),
            name,
            all);
      }
    }

    Set<Member> readableNeeded = new HashSet<>();
    if (!keys.isEmpty()) {
      Member key = keys.get(0);
      readableNeeded.add(key);
      key(model, key);
    } else if (model.keySerializer().isPresent()) {
      DeclaredSerializer declared = model.keySerializer().get();
      reporter.report(ProcessorMessage.KEY_MISSING, declared.location(), name, declared.type());
    }
    Map<String, Member> headers = new HashMap<>();
    for (Member member : struct.members()) {
      if (member.header() == null) {
        continue;
      }
      readableNeeded.add(member);
      Location where = new Location(member.annotatedElement(), member.header(), null);
      if (member.headerName().isBlank()) {
        reporter.report(ProcessorMessage.HEADER_NAME, where, member.name(), name);
      } else if (headers.containsKey(member.headerName())) {
        reporter.report(
            ProcessorMessage.HEADER_DUPLICATE,
            where,
            member.headerName(),
            headers.get(member.headerName()).name(),
            member.name(),
            name);
      } else {
        headers.put(member.headerName(), member);
      }
      if (!isString(member.type()) && !isBytes(member.type())) {
        reporter.report(ProcessorMessage.HEADER_TYPE, where, member.name(), name, member.valueType().typeName());
      }
    }
    if (!timestamps.isEmpty()) {
      Member timestamp = timestamps.get(0);
      readableNeeded.add(timestamp);
      TypeMirror type = timestamp.type();
      boolean ok =
          type.getKind() == TypeKind.LONG || isNamed(type, "java.lang.Long") || isNamed(type, "java.time.Instant");
      if (!ok) {
        reporter.report(
            ProcessorMessage.TIMESTAMP_TYPE,
            new Location(timestamp.annotatedElement(), timestamp.timestamp(), null),
            timestamp.name(),
            name,
            timestamp.valueType().typeName());
      }
    }

    model.valueSerializer().ifPresent(declared -> serializer(model, declared, model.element().asType()));
    if (model.valueSerializer().isPresent() && model.readingLocation().isPresent()) {
      reporter.report(ProcessorMessage.READING_UNUSED, model.readingLocation().get(), name,
          model.valueSerializer().get().type());
    }
    if (model.valueSerializer().isPresent() && model.compatibilityLocation().isPresent()) {
      reporter.report(ProcessorMessage.COMPATIBILITY_UNUSED, model.compatibilityLocation().get(), name,
          model.valueSerializer().get().type());
    }
    if (model.valueSerializer().isPresent() && model.valueFormat() == ValueFormat.SCHEMA_REGISTRY_JSON) {
      reporter.report(ProcessorMessage.VALUE_FORMAT_SERIALIZER, model.valueFormatLocation().get(), name,
          model.valueSerializer().get().type());
    }
    if (model.valueFormat() == ValueFormat.JSON && model.subjectNamingLocation().isPresent()) {
      reporter.report(ProcessorMessage.SUBJECT_NAMING_UNUSED, model.subjectNamingLocation().get(), name);
    }
    boolean json = model.valueSerializer().isEmpty();
    if (json) {
      readableNeeded.addAll(struct.members());
    }
    for (Member member : struct.members()) {
      if (readableNeeded.contains(member) && member.read().isEmpty()) {
        reporter.report(
            ProcessorMessage.MEMBER_UNREADABLE,
            Location.of(member.element()),
            member.name(),
            name,
            member.unreadableReason());
      }
    }
    if (json) {
      json(model);
    }
  }

  private void key(MessageModel model, Member key) {
    if (key.keyNullable() && key.type().getKind().isPrimitive()) {
      reporter.report(
          ProcessorMessage.KEY_NULLABLE,
          key.keyNullableLocation(),
          key.name(),
          model.qualifiedName(),
          key.type(),
          types.boxedClass((PrimitiveType) key.type()).getSimpleName());
    }
    if (model.keySerializer().isPresent()) {
      TypeMirror keyType = key.type().getKind().isPrimitive()
          ? types.boxedClass((PrimitiveType) key.type()).asType()
          : key.type();
      serializer(model, model.keySerializer().get(), keyType);
      return;
    }
    if (KeyTypes.stock(key.type()).isEmpty()) {
      reporter.report(
          ProcessorMessage.KEY_TYPE,
          key.partitionKeyLocation(),
          key.name(),
          model.qualifiedName(),
          key.valueType().typeName());
    }
  }

  private void serializer(MessageModel model, DeclaredSerializer declared, TypeMirror serialized) {
    String problem = declared.problem();
    if (problem.isEmpty()) {
      TypeMirror handled = declared.handledType();
      if (handled == null || handled.getKind() != TypeKind.DECLARED && handled.getKind() != TypeKind.ARRAY) {
        problem = "does not implement Serializer for a concrete type";
      } else if (!types.isAssignable(serialized, handled)) {
        problem = "serializes " + handled + ", not " + serialized;
      }
    }
    if (!problem.isEmpty()) {
      reporter.report(
          ProcessorMessage.SERIALIZER,
          declared.location(),
          declared.attribute(),
          model.qualifiedName(),
          declared.type(),
          problem,
          serialized);
    }
  }

  // ---------------------------------------------------------------------------------------------- JSON codec

  private void json(MessageModel model) {
    StructModel struct = model.struct();
    if (struct.creator().kind() == Creator.Kind.NONE) {
      reporter.report(
          ProcessorMessage.CREATOR,
          Location.of(model.element(), model.annotation()),
          model.qualifiedName(),
          "",
          struct.creator().problem());
    }
    Set<String> checked = new HashSet<>();
    for (Member member : struct.members()) {
      type(model, member, member.valueType(), checked);
    }
  }

  /** Checks a type reached from a member of the message; problems are reported on that member. */
  private void type(MessageModel model, Member member, ValueType type, Set<String> checked) {
    if (type instanceof ValueType.Unsupported unsupported) {
      reporter.report(
          ProcessorMessage.MEMBER_TYPE,
          Location.of(member.element()),
          member.name(),
          model.qualifiedName(),
          member.valueType().typeName(),
          unsupported.typeText(),
          unsupported.reason());
    } else if (type instanceof ValueType.Sequence sequence) {
      type(model, member, sequence.element(), checked);
    } else if (type instanceof ValueType.MapType map) {
      type(model, member, map.value(), checked);
    } else if (type instanceof ValueType.OptionalType optional) {
      type(model, member, optional.element(), checked);
    } else if (type instanceof ValueType.Struct struct) {
      struct(model, member, struct.model(), checked);
    }
  }

  private void struct(MessageModel model, Member member, StructModel struct, Set<String> checked) {
    if (!checked.add(struct.qualifiedName())) {
      return;
    }
    Location where = Location.of(member.element());
    String via = " (reached through member '" + member.name() + "' of " + model.qualifiedName() + ")";
    if (!struct.accessible()) {
      reporter.report(
          ProcessorMessage.TYPE_INACCESSIBLE,
          where,
          member.name(),
          model.qualifiedName(),
          struct.qualifiedName(),
          model.packageName());
      return;
    }
    for (String duplicate : struct.duplicates()) {
      reporter.report(ProcessorMessage.MEMBER_DUPLICATE, where, struct.qualifiedName() + via, duplicate);
    }
    if (struct.creator().kind() == Creator.Kind.NONE) {
      reporter.report(ProcessorMessage.CREATOR, where, struct.qualifiedName(), via, struct.creator().problem());
    }
    for (Member nested : struct.members()) {
      if (nested.read().isEmpty()) {
        reporter.report(
            ProcessorMessage.MEMBER_UNREADABLE,
            where,
            nested.name(),
            struct.qualifiedName() + via,
            nested.unreadableReason());
      }
      if (nested.valueType() instanceof ValueType.Unsupported unsupported) {
        reporter.report(
            ProcessorMessage.MEMBER_TYPE,
            where,
            nested.name(),
            struct.qualifiedName() + via,
            nested.valueType().typeName(),
            unsupported.typeText(),
            unsupported.reason());
      } else {
        nestedTypes(model, member, nested, nested.valueType(), checked, struct, via);
      }
    }
  }

  private void nestedTypes(
      MessageModel model,
      Member member,
      Member nested,
      ValueType type,
      Set<String> checked,
      StructModel owner,
      String via) {
    if (type instanceof ValueType.Unsupported unsupported) {
      reporter.report(
          ProcessorMessage.MEMBER_TYPE,
          Location.of(member.element()),
          nested.name(),
          owner.qualifiedName() + via,
          nested.valueType().typeName(),
          unsupported.typeText(),
          unsupported.reason());
    } else if (type instanceof ValueType.Sequence sequence) {
      nestedTypes(model, member, nested, sequence.element(), checked, owner, via);
    } else if (type instanceof ValueType.MapType map) {
      nestedTypes(model, member, nested, map.value(), checked, owner, via);
    } else if (type instanceof ValueType.OptionalType optional) {
      nestedTypes(model, member, nested, optional.element(), checked, owner, via);
    } else if (type instanceof ValueType.Struct struct) {
      struct(model, member, struct.model(), checked);
    }
  }

  private static boolean isString(TypeMirror type) {
    return isNamed(type, "java.lang.String");
  }

  private static boolean isBytes(TypeMirror type) {
    return type instanceof javax.lang.model.type.ArrayType array
        && array.getComponentType().getKind() == TypeKind.BYTE;
  }

  private static boolean isNamed(TypeMirror type, String name) {
    return type instanceof DeclaredType declared && declared.asElement().toString().equals(name);
  }
}

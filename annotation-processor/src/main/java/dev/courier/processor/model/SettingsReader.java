/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

import dev.courier.Acks;
import dev.courier.Compression;
import dev.courier.KafkaMessage;
import dev.courier.SendMode;
import dev.courier.config.ProducerSettings;
import dev.courier.config.Setting;
import dev.courier.processor.model.MessageModel.DeclaredSerializer;
import dev.courier.processor.model.SettingsModel.PropertyProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Reads the producer side of a {@code @KafkaMessage} annotation into a {@link SettingsModel} and the declared
 * serializers.
 *
 * <p>This class owns the mapping from the annotation's setting attributes ({@code acks}, {@code idempotence},
 * {@code lingerMs}, ...) to {@link ProducerSettings}, with the origin and the annotation value each fixed key comes
 * from; the parsing of the {@code properties} entries, keeping the entries it cannot use as property problems for
 * validation; and the reading of {@code keySerializer} / {@code valueSerializer}: which type a serializer class
 * serializes and why it could not be instantiated by generated code. Like the rest of reading it reports nothing.
 */
final class SettingsReader {

  private final Types types;

  SettingsReader(Types types) {
    this.types = types;
  }

  SettingsModel settings(
      TypeElement type,
      AnnotationMirror annotation,
      Map<String, AnnotationValue> explicit,
      SendMode sendMode,
      String qualifiedName) {
    ProducerSettings.Builder builder = ProducerSettings.builder();
    Map<String, Location> locations = new HashMap<>();
    List<PropertyProblem> problems = new ArrayList<>();

    AnnotationValue sendModeValue = explicit.get("sendMode");
    builder
        .origin(
            sendModeValue != null
                ? "@KafkaMessage(sendMode) on " + qualifiedName
                : "@KafkaMessage on " + qualifiedName + " (the default sendMode)")
        .sendMode(sendMode);
    locations.put(Attributes.SEND_MODE, new Location(type, annotation, sendModeValue));

    for (Setting setting : Setting.values()) {
      AnnotationValue value = explicit.get(setting.attribute());
      if (value == null) {
        continue;
      }
      builder.origin("@KafkaMessage(" + setting.attribute() + ") on " + qualifiedName);
      if (!addIfFixed(builder, setting, value)) {
        continue;
      }
      locations.put(setting.kafkaKey(), new Location(type, annotation, value));
    }

    AnnotationValue properties = explicit.get("properties");
    if (properties != null && properties.getValue() instanceof List<?> entries) {
      builder.origin("@KafkaMessage(properties) on " + qualifiedName);
      Map<String, String> seen = new HashMap<>();
      for (Object item : entries) {
        if (!(item instanceof AnnotationValue entryValue) || !(entryValue.getValue() instanceof String entry)) {
          continue;
        }
        Location location = new Location(type, annotation, entryValue);
        int eq = entry.indexOf('=');
        String key = eq < 0 ? "" : entry.substring(0, eq).trim();
        if (key.isEmpty()) {
          problems.add(new PropertyProblem(PropertyProblem.Kind.SYNTAX, entry, key, "", location));
          continue;
        }
        Optional<String> attribute = Attributes.attribute(key);
        if (attribute.isPresent()) {
          problems.add(new PropertyProblem(PropertyProblem.Kind.COVERED, entry, key, attribute.get(), location));
          continue;
        }
        if (seen.containsKey(key)) {
          problems.add(new PropertyProblem(PropertyProblem.Kind.DUPLICATE, entry, key, seen.get(key), location));
          continue;
        }
        seen.put(key, entry);
        builder.property(key, entry.substring(eq + 1).trim());
        locations.put(key, location);
      }
    }
    return new SettingsModel(builder.build(), locations, problems);
  }

  /**
   * Adds one attribute's value to the builder: {@code true} when it fixes a setting, {@code false} when the value
   * means "not fixed" or is erroneous.
   */
  private static boolean addIfFixed(ProducerSettings.Builder builder, Setting setting, AnnotationValue value) {
    Object raw = value.getValue();
    switch (setting.valueType()) {
      case ACKS:
        return enumValue(value, Acks.class).map(builder::acks).isPresent();
      case COMPRESSION:
        return enumValue(value, Compression.class).map(builder::compression).isPresent();
      case BOOLEAN:
        if (raw instanceof Boolean b) {
          builder.property(setting.kafkaKey(), b.toString());
          return true;
        }
        return false;
      case STRING:
        if (raw instanceof String text && !text.isEmpty()) {
          builder.property(setting.kafkaKey(), text);
          return true;
        }
        return false;
      default:
        if (!(raw instanceof Number number) || number.longValue() == KafkaMessage.NOT_FIXED) {
          return false;
        }
        builder.property(setting.kafkaKey(), Long.toString(number.longValue()));
        return true;
    }
  }

  static <E extends Enum<E>> Optional<E> enumValue(AnnotationValue value, Class<E> type) {
    if (value == null || !(value.getValue() instanceof VariableElement constant)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, constant.getSimpleName().toString()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  Optional<DeclaredSerializer> serializer(
      TypeElement type,
      AnnotationMirror annotation,
      Map<String, AnnotationValue> explicit,
      String attribute,
      Set<String> unresolved) {
    AnnotationValue value = explicit.get(attribute);
    if (value == null || !(value.getValue() instanceof TypeMirror mirror)) {
      return Optional.empty();
    }
    if (mirror.getKind() == TypeKind.ERROR) {
      unresolved.add(mirror.toString());
      return Optional.empty();
    }
    if (!(mirror instanceof DeclaredType declared)) {
      return Optional.empty();
    }
    TypeElement element = (TypeElement) declared.asElement();
    if (element.getQualifiedName().contentEquals(ModelReader.INFERRED)) {
      return Optional.empty();
    }
    return Optional.of(
        new DeclaredSerializer(
            declared,
            new Location(type, annotation, value),
            attribute,
            serializedType(declared),
            serializerProblem(element)));
  }

  /** The {@code T} of {@code Serializer<T>} among the supertypes of a class, or {@code null}. */
  private TypeMirror serializedType(DeclaredType type) {
    List<TypeMirror> queue = new ArrayList<>(List.of(type));
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      TypeMirror current = queue.remove(0);
      if (!(current instanceof DeclaredType declared) || !seen.add(current.toString())) {
        continue;
      }
      TypeElement element = (TypeElement) declared.asElement();
      if (element.getQualifiedName().contentEquals(ModelReader.SERIALIZER)) {
        return declared.getTypeArguments().size() == 1 ? declared.getTypeArguments().get(0) : null;
      }
      queue.addAll(types.directSupertypes(current));
    }
    return null;
  }

  private static String serializerProblem(TypeElement element) {
    if (element.getKind() != ElementKind.CLASS) {
      return "is not a class";
    }
    if (element.getModifiers().contains(Modifier.ABSTRACT)) {
      return "is abstract";
    }
    if (!element.getTypeParameters().isEmpty()) {
      return "is generic";
    }
    for (Element e = element; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (!t.getModifiers().contains(Modifier.PUBLIC)) {
        return "is not public";
      }
      if (t.getNestingKind() == NestingKind.MEMBER && !t.getModifiers().contains(Modifier.STATIC)
          && t.getKind() == ElementKind.CLASS) {
        return "is an inner (non-static) class";
      }
    }
    List<ExecutableElement> constructors = ElementFilter.constructorsIn(element.getEnclosedElements());
    boolean publicNoArgs =
        constructors.stream()
            .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
    if (!publicNoArgs) {
      return "has no public no-argument constructor";
    }
    return "";
  }
}

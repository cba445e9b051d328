/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

import com.palantir.javapoet.ClassName;
import dev.courier.Compatibility;
import dev.courier.Reading;
import dev.courier.SendMode;
import dev.courier.SubjectNaming;
import dev.courier.ValueFormat;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Everything a {@code @KafkaMessage} type declares.
 *
 * @param element the annotated type
 * @param annotation its {@code @KafkaMessage}
 * @param shape what kind of type it is, for the checks of what can be a message type
 * @param binaryName the binary name, for example {@code com.acme.Outer$Inner}
 * @param packageName the package, where the classes are generated
 * @param baseName the prefix of the generated class names ({@code Outer_Inner})
 * @param topic the topic as written
 * @param topicLocation the {@code topic} value
 * @param sendMode the send mode (explicit or default)
 * @param settings the fixed producer settings
 * @param keySerializer the declared key serializer, or empty for the inferred one
 * @param valueSerializer the declared value serializer, or empty for the generated JSON codec
 * @param reading how the generated deserializer treats unknown members (explicit or default)
 * @param readingLocation the {@code reading} value, when given explicitly
 * @param compatibility which changes from the previous version the build accepts (explicit or default)
 * @param compatibilityLocation the {@code compatibility} value, when given explicitly
 * @param valueFormat how the value is framed on the wire (explicit or default)
 * @param valueFormatLocation the {@code valueFormat} value, when given explicitly
 * @param subjectNaming the Schema Registry subject naming (explicit or default)
 * @param subjectNamingLocation the {@code subjectNaming} value, when given explicitly
 * @param outbox whether {@code <Type>Outbox} is generated
 * @param struct the type's members and creator
 * @param misplaced Courier annotations on methods that are not members
 */
public record MessageModel(
    TypeElement element,
    AnnotationMirror annotation,
    Shape shape,
    String binaryName,
    String packageName,
    String baseName,
    String topic,
    Location topicLocation,
    SendMode sendMode,
    SettingsModel settings,
    Optional<DeclaredSerializer> keySerializer,
    Optional<DeclaredSerializer> valueSerializer,
    Reading reading,
    Optional<Location> readingLocation,
    Compatibility compatibility,
    Optional<Location> compatibilityLocation,
    ValueFormat valueFormat,
    Optional<Location> valueFormatLocation,
    SubjectNaming subjectNaming,
    Optional<Location> subjectNamingLocation,
    boolean outbox,
    StructModel struct,
    List<Misplaced> misplaced) {

  /**
   * Copies the list.
   *
   * @param element the annotated type
   * @param annotation its {@code @KafkaMessage}
   * @param shape what kind of type it is, for the checks of what can be a message type
   * @param binaryName the binary name, for example {@code com.acme.Outer$Inner}
   * @param packageName the package, where the classes are generated
   * @param baseName the prefix of the generated class names ({@code Outer_Inner})
   * @param topic the topic as written
   * @param topicLocation the {@code topic} value
   * @param sendMode the send mode (explicit or default)
   * @param settings the fixed producer settings
   * @param keySerializer the declared key serializer, or empty for the inferred one
   * @param valueSerializer the declared value serializer, or empty for the generated JSON codec
   * @param reading how the generated deserializer treats unknown members (explicit or default)
   * @param readingLocation the {@code reading} value, when given explicitly
   * @param compatibility which changes from the previous version the build accepts (explicit or default)
   * @param compatibilityLocation the {@code compatibility} value, when given explicitly
   * @param valueFormat how the value is framed on the wire (explicit or default)
   * @param valueFormatLocation the {@code valueFormat} value, when given explicitly
   * @param subjectNaming the Schema Registry subject naming (explicit or default)
   * @param subjectNamingLocation the {@code subjectNaming} value, when given explicitly
   * @param outbox whether {@code <Type>Outbox} is generated
   * @param struct the type's members and creator
   * @param misplaced Courier annotations on methods that are not members
   */
  public MessageModel {
    misplaced = List.copyOf(misplaced);
  }

  /**
   * The message type.
   *
   * @return the type as JavaPoet writes it
   */
  public ClassName typeName() {
    return struct.typeName();
  }

  /**
   * The canonical name, for messages and descriptors' Java types.
   *
   * @return for example {@code com.acme.Outer.Inner}
   */
  public String qualifiedName() {
    return struct.qualifiedName();
  }

  /**
   * Whether the producer is transactional.
   *
   * @return {@code true} when {@code transactionalId} is set
   */
  public boolean transactional() {
    return settings.settings().transactionalId().isPresent();
  }

  /**
   * The class name of a generated class.
   *
   * @param suffix {@code Producer}, {@code Serializer}, {@code Deserializer} or {@code Descriptor}
   * @return the generated class
   */
  public ClassName generated(String suffix) {
    return ClassName.get(packageName, baseName + suffix);
  }

  /**
   * What kind of type was annotated.
   *
   * @param kindText the element kind as a phrase ({@code "an interface"}), or empty when it is a class or record
   * @param isAbstract whether it is an abstract class
   * @param typeParameters its type parameters as written, empty when not generic
   * @param nestingText {@code "an inner (non-static)"} or {@code "a local"} or {@code "an anonymous"}, or empty
   * @param isPrivate whether it or an enclosing type is private
   */
  public record Shape(
      String kindText, boolean isAbstract, String typeParameters, String nestingText, boolean isPrivate) {}

  /**
   * A declared serializer class.
   *
   * @param type the class named by the attribute
   * @param location the attribute's value
   * @param attribute {@code keySerializer} or {@code valueSerializer}
   * @param handledType the type argument of its {@code Serializer} supertype, or {@code null} when it has none
   * @param problem why the class cannot be used (a phrase such as {@code "is abstract"}), or empty
   */
  public record DeclaredSerializer(
      DeclaredType type, Location location, String attribute, TypeMirror handledType, String problem) {}

  /**
   * A Courier member annotation that is not on a member, or has no effect where it is.
   *
   * @param element the element it is on
   * @param annotation the annotation
   * @param simpleName the annotation's simple name, such as {@code PartitionKey}
   * @param description the element for messages, such as {@code field 'region'}
   * @param ignoredBecause why it would have no effect, or empty for a method that is not a member's getter
   */
  public record Misplaced(
      Element element, AnnotationMirror annotation, String simpleName, String description, String ignoredBecause) {}
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

import dev.courier.Compatibility;
import dev.courier.Reading;
import dev.courier.SendMode;
import dev.courier.SubjectNaming;
import dev.courier.ValueFormat;
import dev.courier.processor.model.MessageModel.DeclaredSerializer;
import dev.courier.processor.model.MessageModel.Misplaced;
import dev.courier.processor.model.MessageModel.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a {@link MessageModel} from an annotated type. Reading never reports anything: what cannot be handled is kept
 * in the model for validation.
 *
 * <p>This class owns the pass over one {@code @KafkaMessage} type: it collects the annotation's attribute values,
 * reads the type's own shape (kind, nesting, type parameters, visibility, the base name of the generated classes)
 * and notes attributes javac could not give a value, and hands the rest to its helpers: {@link SettingsReader} for
 * the producer settings, properties and declared serializers, {@link MemberReader} (with its
 * {@link ValueTypeResolver}) for the members and the types they reach, and {@link MisplacedAnnotations} for Courier
 * annotations that are not on one of the message's members.
 */
public final class ModelReader {

  /** {@code dev.courier.KafkaMessage}. */
  public static final String KAFKA_MESSAGE = "dev.courier.KafkaMessage";

  static final String PARTITION_KEY = "dev.courier.PartitionKey";
  static final String HEADER = "dev.courier.Header";
  static final String TIMESTAMP = "dev.courier.Timestamp";
  static final String INFERRED = "dev.courier.KafkaMessage.Inferred";
  static final String SERIALIZER = "org.apache.kafka.common.serialization.Serializer";

  private final Elements elements;
  private final Types types;
  private final SettingsReader settingsReader;

  /**
   * Creates a reader.
   *
   * @param env the processing environment
   */
  public ModelReader(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.settingsReader = new SettingsReader(types);
  }

  /**
   * What reading found.
   *
   * @param model the model
   * @param unresolved types that do not exist (yet): the type should be read again in a later round
   */
  public record Result(MessageModel model, List<String> unresolved) {}

  /**
   * Reads the model of an annotated type.
   *
   * @param type a type annotated with {@code @KafkaMessage}
   * @return the model, and the unresolved types it refers to
   */
  public Result read(TypeElement type) {
    AnnotationMirror annotation = annotation(type, KAFKA_MESSAGE);
    Map<String, AnnotationValue> explicit = new LinkedHashMap<>();
    annotation.getElementValues().forEach((k, v) -> explicit.put(k.getSimpleName().toString(), v));
    Map<String, AnnotationValue> all = new HashMap<>();
    elements.getElementValuesWithDefaults(annotation).forEach((k, v) -> all.put(k.getSimpleName().toString(), v));

    String packageName = elements.getPackageOf(type).getQualifiedName().toString();
    String qualifiedName = type.getQualifiedName().toString();
    Set<String> unresolved = new TreeSet<>();

    Object topicValue = all.get("topic") == null ? null : all.get("topic").getValue();
    String topic = topicValue instanceof String text ? text : "";
    Location topicLocation = new Location(type, annotation, explicit.get("topic"));
    SendMode sendMode = SettingsReader.enumValue(all.get("sendMode"), SendMode.class).orElse(SendMode.ASYNC);

    SettingsModel settings = settingsReader.settings(type, annotation, explicit, sendMode, qualifiedName);
    Optional<DeclaredSerializer> keySerializer =
        settingsReader.serializer(type, annotation, explicit, "keySerializer", unresolved);
    Optional<DeclaredSerializer> valueSerializer =
        settingsReader.serializer(type, annotation, explicit, "valueSerializer", unresolved);

    Reading reading = SettingsReader.enumValue(all.get("reading"), Reading.class).orElse(Reading.TOLERANT);
    Compatibility compatibility =
        SettingsReader.enumValue(all.get("compatibility"), Compatibility.class).orElse(Compatibility.BACKWARD);
    ValueFormat valueFormat =
        SettingsReader.enumValue(all.get("valueFormat"), ValueFormat.class).orElse(ValueFormat.JSON);
    SubjectNaming subjectNaming =
        SettingsReader.enumValue(all.get("subjectNaming"), SubjectNaming.class).orElse(SubjectNaming.TOPIC);
    // Where each attribute is given explicitly, for errors about combinations that cannot work.
    Function<String, Optional<Location>> given = attribute -> Optional.ofNullable(explicit.get(attribute))
        .map(value -> new Location(type, annotation, value));

    explicit.forEach((attribute, value) -> {
      if (erroneous(attribute, value)) {
        // javac reports the error; generating code as if the attribute had its default would be wrong.
        unresolved.add("the value of " + attribute);
      }
    });

    StructModel struct =
        new MemberReader(elements, types, packageName, unresolved).struct(type, (DeclaredType) type.asType(), true);
    List<Misplaced> misplaced = MisplacedAnnotations.find(type, struct);

    MessageModel model =
        new MessageModel(
            type,
            annotation,
            shape(type),
            elements.getBinaryName(type).toString(),
            packageName,
            baseName(type),
            topic,
            topicLocation,
            sendMode,
            settings,
            keySerializer,
            valueSerializer,
            reading,
            given.apply("reading"),
            compatibility,
            given.apply("compatibility"),
            valueFormat,
            given.apply("valueFormat"),
            subjectNaming,
            given.apply("subjectNaming"),
            Boolean.TRUE.equals(all.get("outbox") == null ? null : all.get("outbox").getValue()),
            struct,
            misplaced);
    return new Result(model, List.copyOf(unresolved));
  }

  // ------------------------------------------------------------------------------------------------ the type

  // ------------------------------------------------------------------------------------------------ the type

  private Shape shape(TypeElement type) {
    String kindText;
    switch (type.getKind()) {
      case INTERFACE:
        kindText = "an interface";
        break;
      case ENUM:
        kindText = "an enum";
        break;
      case ANNOTATION_TYPE:
        kindText = "an annotation type";
        break;
      default:
        kindText = "";
    }
    boolean isAbstract = type.getKind() == ElementKind.CLASS && type.getModifiers().contains(Modifier.ABSTRACT);
    String typeParameters =
        type.getTypeParameters().isEmpty()
            ? ""
            : type.getTypeParameters().stream()
                .map(p -> p.getSimpleName().toString())
                .collect(Collectors.joining(", ", "<", ">"));
    String nesting = "";
    if (type.getNestingKind() == NestingKind.LOCAL) {
      nesting = "a local";
    } else if (type.getNestingKind() == NestingKind.ANONYMOUS) {
      nesting = "an anonymous";
    } else if (type.getNestingKind() == NestingKind.MEMBER
        && type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.STATIC)) {
      nesting = "an inner (non-static)";
    } else {
      for (Element e = type.getEnclosingElement(); e instanceof TypeElement t; e = e.getEnclosingElement()) {
        if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
          nesting = "a local";
        }
      }
    }
    boolean isPrivate = false;
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      isPrivate |= e.getModifiers().contains(Modifier.PRIVATE);
    }
    return new Shape(kindText, isAbstract, typeParameters, nesting, isPrivate);
  }

  private static String baseName(TypeElement type) {
    List<String> names = new ArrayList<>();
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      names.add(0, e.getSimpleName().toString());
    }
    return String.join("_", names);
  }

  /** Whether javac could not give an attribute a value of its declared type (it reports an error of its own). */
  private static boolean erroneous(String attribute, AnnotationValue value) {
    Object raw = value.getValue();
    switch (attribute) {
      case "topic":
      case "transactionalId":
        return !(raw instanceof String);
      case "sendMode":
      case "reading":
      case "compatibility":
      case "valueFormat":
      case "subjectNaming":
      case "acks":
      case "compression":
        return !(raw instanceof VariableElement);
      case "idempotence":
      case "outbox":
        return !(raw instanceof Boolean);
      case "keySerializer":
      case "valueSerializer":
        return !(raw instanceof TypeMirror);
      case "properties":
        return !(raw instanceof List<?> list)
            || list.stream().anyMatch(v -> !(v instanceof AnnotationValue a) || !(a.getValue() instanceof String));
      default:
        return !(raw instanceof Number);
    }
  }

  /** The annotation of the given type on an element, or {@code null}. */
  static AnnotationMirror annotation(Element element, String name) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotationType.getQualifiedName().contentEquals(name)) {
        return mirror;
      }
    }
    return null;
  }
}

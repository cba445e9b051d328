/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.courier.Acks;
import dev.courier.Compression;
import dev.courier.SendMode;
import dev.courier.config.ProducerSettings;
import dev.courier.processor.model.MessageModel.DeclaredSerializer;
import dev.courier.processor.model.MessageModel.Misplaced;
import dev.courier.processor.model.MessageModel.Shape;
import dev.courier.processor.model.SettingsModel.PropertyProblem;
import dev.courier.processor.model.ValueType.SequenceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a {@link MessageModel} from an annotated type. Reading never reports anything: what cannot be handled is kept
 * in the model for validation.
 */
public final class ModelReader {

  /** {@code dev.courier.KafkaMessage}. */
  public static final String KAFKA_MESSAGE = "dev.courier.KafkaMessage";

  static final String PARTITION_KEY = "dev.courier.PartitionKey";
  static final String HEADER = "dev.courier.Header";
  static final String TIMESTAMP = "dev.courier.Timestamp";
  static final String INFERRED = "dev.courier.KafkaMessage.Inferred";
  static final String SERIALIZER = "org.apache.kafka.common.serialization.Serializer";

  private static final List<String> SETTING_ATTRIBUTES =
      List.of(
          "acks",
          "idempotence",
          "transactionalId",
          "retries",
          "maxInFlight",
          "batchSize",
          "lingerMs",
          "bufferMemory",
          "compression",
          "deliveryTimeoutMs",
          "requestTimeoutMs");

  private final Elements elements;
  private final Types types;

  /**
   * Creates a reader.
   *
   * @param env the processing environment
   */
  public ModelReader(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
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
    Analysis analysis = new Analysis(packageName);

    Object topicValue = all.get("topic") == null ? null : all.get("topic").getValue();
    String topic = topicValue instanceof String text ? text : "";
    Location topicLocation = new Location(type, annotation, explicit.get("topic"));
    SendMode sendMode = enumValue(all.get("sendMode"), SendMode.class).orElse(SendMode.ASYNC);

    SettingsModel settings = settings(type, annotation, explicit, sendMode, qualifiedName);
    Optional<DeclaredSerializer> keySerializer = serializer(type, annotation, explicit, "keySerializer", analysis);
    Optional<DeclaredSerializer> valueSerializer =
        serializer(type, annotation, explicit, "valueSerializer", analysis);

    explicit.forEach((attribute, value) -> {
      if (erroneous(attribute, value)) {
        // javac reports the error; generating code as if the attribute had its default would be wrong.
        analysis.unresolved.add("the value of " + attribute);
      }
    });

    StructModel struct = analysis.struct(type, (DeclaredType) type.asType(), true);
    List<Misplaced> misplaced = misplaced(type, struct);

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
            struct,
            misplaced);
    return new Result(model, List.copyOf(analysis.unresolved));
  }

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

  // ------------------------------------------------------------------------------------------------ settings

  private SettingsModel settings(
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

    for (String attribute : SETTING_ATTRIBUTES) {
      AnnotationValue value = explicit.get(attribute);
      if (value == null) {
        continue;
      }
      builder.origin("@KafkaMessage(" + attribute + ") on " + qualifiedName);
      if (!fix(builder, attribute, value)) {
        continue;
      }
      locations.put(Attributes.kafkaKey(attribute).orElseThrow(), new Location(type, annotation, value));
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

  /** Fixes one attribute's value; {@code false} when the value means "not fixed" or is erroneous. */
  private static boolean fix(ProducerSettings.Builder builder, String attribute, AnnotationValue value) {
    Object raw = value.getValue();
    switch (attribute) {
      case "acks":
        return enumValue(value, Acks.class).map(builder::acks).isPresent();
      case "compression":
        return enumValue(value, Compression.class).map(builder::compression).isPresent();
      case "idempotence":
        if (raw instanceof Boolean b) {
          builder.idempotence(b);
          return true;
        }
        return false;
      case "transactionalId":
        if (raw instanceof String id && !id.isEmpty()) {
          builder.transactionalId(id);
          return true;
        }
        return false;
      default:
        if (!(raw instanceof Number number) || number.longValue() == -1) {
          return false;
        }
        String key = Attributes.kafkaKey(attribute).orElseThrow();
        builder.property(key, Long.toString(number.longValue()));
        return true;
    }
  }

  private static <E extends Enum<E>> Optional<E> enumValue(AnnotationValue value, Class<E> type) {
    if (value == null || !(value.getValue() instanceof VariableElement constant)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, constant.getSimpleName().toString()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether javac could not give an attribute a value of its declared type (it reports an error of its own). */
  private static boolean erroneous(String attribute, AnnotationValue value) {
    Object raw = value.getValue();
    switch (attribute) {
      case "topic":
      case "transactionalId":
        return !(raw instanceof String);
      case "sendMode":
      case "acks":
      case "compression":
        return !(raw instanceof VariableElement);
      case "idempotence":
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

  private Optional<DeclaredSerializer> serializer(
      TypeElement type,
      AnnotationMirror annotation,
      Map<String, AnnotationValue> explicit,
      String attribute,
      Analysis analysis) {
    AnnotationValue value = explicit.get(attribute);
    if (value == null || !(value.getValue() instanceof TypeMirror mirror)) {
      return Optional.empty();
    }
    if (mirror.getKind() == TypeKind.ERROR) {
      analysis.unresolved.add(mirror.toString());
      return Optional.empty();
    }
    if (!(mirror instanceof DeclaredType declared)) {
      return Optional.empty();
    }
    TypeElement element = (TypeElement) declared.asElement();
    if (element.getQualifiedName().contentEquals(INFERRED)) {
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
      if (element.getQualifiedName().contentEquals(SERIALIZER)) {
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

  // ------------------------------------------------------------------------------------------------ annotations

  private static AnnotationMirror annotation(Element element, String name) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotationType.getQualifiedName().contentEquals(name)) {
        return mirror;
      }
    }
    return null;
  }

  private static boolean hasCourierAnnotation(Element element) {
    return annotation(element, PARTITION_KEY) != null
        || annotation(element, HEADER) != null
        || annotation(element, TIMESTAMP) != null;
  }

  /** Courier annotations on methods of the message type that no member reads through. */
  private List<Misplaced> misplaced(TypeElement type, StructModel struct) {
    Set<Element> used = new HashSet<>();
    for (Member member : struct.members()) {
      used.add(member.annotatedElement());
      used.add(member.element());
    }
    Set<String> getters = new HashSet<>();
    for (Member member : struct.members()) {
      member.read().filter(a -> a.kind() == Access.Kind.METHOD).ifPresent(a -> getters.add(a.name()));
      getters.addAll(getterNames(member.name(), member.type()));
    }
    List<Misplaced> misplaced = new ArrayList<>();
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
    for (String name : List.of(PARTITION_KEY, HEADER, TIMESTAMP)) {
      AnnotationMirror mirror = annotation(element, name);
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

  private static List<String> getterNames(String name, TypeMirror type) {
    String capitalized = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    List<String> names = new ArrayList<>();
    names.add("get" + capitalized);
    if (type.getKind() == TypeKind.BOOLEAN
        || (type instanceof DeclaredType d
            && ((TypeElement) d.asElement()).getQualifiedName().contentEquals("java.lang.Boolean"))) {
      names.add("is" + capitalized);
    }
    names.add(name);
    return names;
  }

  // ------------------------------------------------------------------------------------------------ analysis

  /** The analysis of one message type's members and the types they reach. */
  private final class Analysis {
    private final String packageName;
    private final Map<String, StructModel> structs = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private final Set<String> unresolved = new TreeSet<>();

    Analysis(String packageName) {
      this.packageName = packageName;
    }

    StructModel struct(TypeElement type, DeclaredType declared, boolean isMessage) {
      String name = type.getQualifiedName().toString();
      StructModel known = structs.get(name);
      if (known != null) {
        return known;
      }
      inProgress.add(name);
      List<String> duplicates = new ArrayList<>();
      List<Member> members;
      Creator creator;
      if (type.getKind() == ElementKind.RECORD) {
        members = recordMembers(type, declared);
        creator =
            Creator.constructor(Creator.Kind.CANONICAL, members.stream().map(Member::name).toList());
      } else {
        List<MemberDraft> drafts = classMembers(type, declared, duplicates);
        creator = creator(type, drafts);
        boolean noArgs = creator.kind() == Creator.Kind.NO_ARGS;
        members = drafts.stream().map(d -> d.toMember(noArgs)).toList();
      }
      inProgress.remove(name);
      StructModel model =
          new StructModel(type, ClassName.get(type), name, members, creator, accessible(type), duplicates);
      if (!isMessage) {
        structs.put(name, model);
      }
      return model;
    }

    private List<Member> recordMembers(TypeElement type, DeclaredType declared) {
      List<Member> members = new ArrayList<>();
      for (RecordComponentElement component : type.getRecordComponents()) {
        String name = component.getSimpleName().toString();
        TypeMirror memberType = types.asMemberOf(declared, component.getAccessor()) instanceof
                javax.lang.model.type.ExecutableType method
            ? method.getReturnType()
            : component.asType();
        ExecutableElement accessor = component.getAccessor();
        // javac gives record components no source position of their own; the record's private field has the
        // component's position and carries its annotations (those that may target fields).
        Element located = component;
        Annotated annotated = new Annotated();
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
          if (field.getSimpleName().contentEquals(name) && !field.getModifiers().contains(Modifier.STATIC)) {
            located = field;
            annotated.collect(field);
          }
        }
        annotated.collect(component);
        annotated.collect(accessor);
        Optional<Access> read =
            accessible(accessor) ? Optional.of(Access.method(accessor.getSimpleName().toString())) : Optional.empty();
        members.add(
            new Member(
                name,
                located,
                memberType,
                valueType(memberType, true),
                read,
                read.isEmpty() ? "the accessor " + name + "() is not accessible" : "",
                Optional.of(Access.constructor()),
                annotated.partitionKey,
                annotated.header,
                annotated.headerName,
                annotated.timestamp,
                annotated.element == null ? located : annotated.element));
      }
      return members;
    }

    private List<MemberDraft> classMembers(TypeElement type, DeclaredType declared, List<String> duplicates) {
      List<TypeElement> hierarchy = new ArrayList<>();
      for (TypeElement t = type; t != null; ) {
        if (t.getQualifiedName().contentEquals("java.lang.Object")) {
          break;
        }
        hierarchy.add(0, t);
        TypeMirror superclass = t.getSuperclass();
        t = superclass instanceof DeclaredType d ? (TypeElement) d.asElement() : null;
      }
      List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(type));
      Map<String, MemberDraft> drafts = new LinkedHashMap<>();
      for (TypeElement owner : hierarchy) {
        for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
          Set<Modifier> modifiers = field.getModifiers();
          if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.TRANSIENT)) {
            continue;
          }
          String name = field.getSimpleName().toString();
          MemberDraft earlier = drafts.get(name);
          if (earlier != null) {
            duplicates.add(
                "'"
                    + name
                    + "' in "
                    + ((TypeElement) earlier.field.getEnclosingElement()).getQualifiedName()
                    + " and in "
                    + owner.getQualifiedName());
            continue;
          }
          TypeMirror memberType = types.asMemberOf(declared, field);
          drafts.put(name, draft(field, memberType, methods, declared));
        }
      }
      return new ArrayList<>(drafts.values());
    }

    private MemberDraft draft(
        VariableElement field, TypeMirror memberType, List<ExecutableElement> methods, DeclaredType declared) {
      String name = field.getSimpleName().toString();
      Annotated annotated = new Annotated();
      annotated.collect(field);
      ExecutableElement getter = null;
      for (String getterName : getterNames(name, memberType)) {
        for (ExecutableElement method : methods) {
          if (method.getSimpleName().contentEquals(getterName)
              && method.getParameters().isEmpty()
              && !method.getModifiers().contains(Modifier.STATIC)
              && types.isSameType(returnType(declared, method), memberType)) {
            annotated.collect(method);
            if (getter == null && accessible(method)) {
              getter = method;
            }
          }
        }
      }
      String capitalized = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
      ExecutableElement setter = null;
      for (ExecutableElement method : methods) {
        if (method.getSimpleName().contentEquals("set" + capitalized)
            && method.getParameters().size() == 1
            && !method.getModifiers().contains(Modifier.STATIC)
            && accessible(method)
            && types.isSameType(parameterType(declared, method), memberType)) {
          setter = method;
          break;
        }
      }
      boolean fieldReadable = accessible(field);
      Optional<Access> read =
          getter != null
              ? Optional.of(Access.method(getter.getSimpleName().toString()))
              : fieldReadable ? Optional.of(Access.field(name)) : Optional.empty();
      Optional<Access> write =
          setter != null
              ? Optional.of(Access.method(setter.getSimpleName().toString()))
              : fieldReadable && !field.getModifiers().contains(Modifier.FINAL)
                  ? Optional.of(Access.field(name))
                  : Optional.empty();
      String unreadable =
          "the field is "
              + (field.getModifiers().contains(Modifier.PRIVATE) ? "private" : "not accessible")
              + " and there is no accessible getter "
              + String.join("() or ", getterNames(name, memberType))
              + "()";
      return new MemberDraft(field, name, memberType, valueType(memberType, true), read, unreadable, write, annotated);
    }

    private Creator creator(TypeElement type, List<MemberDraft> drafts) {
      List<ExecutableElement> constructors =
          ElementFilter.constructorsIn(type.getEnclosedElements()).stream().filter(this::accessible).toList();
      boolean noArgs = constructors.stream().anyMatch(c -> c.getParameters().isEmpty());
      List<String> unwritable = drafts.stream().filter(d -> d.write.isEmpty()).map(d -> d.name).toList();
      if (noArgs && unwritable.isEmpty()) {
        return Creator.noArgs();
      }
      Map<String, TypeMirror> memberTypes = new LinkedHashMap<>();
      drafts.forEach(d -> memberTypes.put(d.name, d.type));
      for (ExecutableElement constructor : constructors) {
        if (constructor.getParameters().size() != drafts.size() || drafts.isEmpty()) {
          continue;
        }
        List<String> order = new ArrayList<>();
        for (VariableElement parameter : constructor.getParameters()) {
          String name = parameter.getSimpleName().toString();
          TypeMirror memberType = memberTypes.get(name);
          if (memberType == null || !types.isSameType(memberType, parameter.asType())) {
            break;
          }
          order.add(name);
        }
        if (order.size() == drafts.size() && new HashSet<>(order).size() == order.size()) {
          return Creator.constructor(Creator.Kind.ALL_MEMBERS, order);
        }
      }
      if (noArgs) {
        return Creator.none(
            "member" + (unwritable.size() == 1 ? " " : "s ") + String.join(", ", unwritable)
                + " can be set neither through a setter nor a non-private, non-final field");
      }
      return Creator.none(
          "it has no accessible no-argument constructor, and no accessible constructor whose parameters are exactly"
              + " its members ("
              + drafts.stream().map(d -> d.name).collect(Collectors.joining(", "))
              + ")");
    }

    private TypeMirror returnType(DeclaredType declared, ExecutableElement method) {
      try {
        return ((javax.lang.model.type.ExecutableType) types.asMemberOf(declared, method)).getReturnType();
      } catch (IllegalArgumentException e) {
        return method.getReturnType();
      }
    }

    private TypeMirror parameterType(DeclaredType declared, ExecutableElement method) {
      try {
        return ((javax.lang.model.type.ExecutableType) types.asMemberOf(declared, method))
            .getParameterTypes()
            .get(0);
      } catch (IllegalArgumentException e) {
        return method.getParameters().get(0).asType();
      }
    }

    /** Whether code generated in the message's package can use the element. */
    boolean accessible(Element element) {
      for (Element e = element; e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
        Set<Modifier> modifiers = e.getModifiers();
        if (modifiers.contains(Modifier.PRIVATE)) {
          return false;
        }
        boolean implicitlyPublic =
            e.getEnclosingElement() != null
                && (e.getEnclosingElement().getKind() == ElementKind.INTERFACE
                    || e.getEnclosingElement().getKind() == ElementKind.ANNOTATION_TYPE);
        if (!modifiers.contains(Modifier.PUBLIC)
            && !implicitlyPublic
            && !elements.getPackageOf(e).getQualifiedName().contentEquals(packageName)) {
          return false;
        }
      }
      return true;
    }

    ValueType valueType(TypeMirror type, boolean memberLevel) {
      TypeName typeName = safeTypeName(type);
      switch (type.getKind()) {
        case BOOLEAN:
          return new ValueType.Scalar(ScalarKind.BOOLEAN, true, typeName);
        case BYTE:
          return new ValueType.Scalar(ScalarKind.BYTE, true, typeName);
        case SHORT:
          return new ValueType.Scalar(ScalarKind.SHORT, true, typeName);
        case INT:
          return new ValueType.Scalar(ScalarKind.INT, true, typeName);
        case LONG:
          return new ValueType.Scalar(ScalarKind.LONG, true, typeName);
        case FLOAT:
          return new ValueType.Scalar(ScalarKind.FLOAT, true, typeName);
        case DOUBLE:
          return new ValueType.Scalar(ScalarKind.DOUBLE, true, typeName);
        case CHAR:
          return new ValueType.Scalar(ScalarKind.CHAR, true, typeName);
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
        return new ValueType.Scalar(ScalarKind.BYTES, false, typeName);
      }
      if (component instanceof DeclaredType d && !d.getTypeArguments().isEmpty()) {
        return unsupported(typeName, "an array of a generic type, which cannot be created without unchecked casts;"
            + " use a List instead");
      }
      return new ValueType.Sequence(SequenceKind.ARRAY, valueType(component, false), typeName);
    }

    private ValueType declaredType(DeclaredType type, TypeName typeName, boolean memberLevel) {
      TypeElement element = (TypeElement) type.asElement();
      String name = element.getQualifiedName().toString();
      List<? extends TypeMirror> arguments = type.getTypeArguments();
      switch (name) {
        case "java.lang.Boolean":
          return new ValueType.Scalar(ScalarKind.BOOLEAN, false, typeName);
        case "java.lang.Byte":
          return new ValueType.Scalar(ScalarKind.BYTE, false, typeName);
        case "java.lang.Short":
          return new ValueType.Scalar(ScalarKind.SHORT, false, typeName);
        case "java.lang.Integer":
          return new ValueType.Scalar(ScalarKind.INT, false, typeName);
        case "java.lang.Long":
          return new ValueType.Scalar(ScalarKind.LONG, false, typeName);
        case "java.lang.Float":
          return new ValueType.Scalar(ScalarKind.FLOAT, false, typeName);
        case "java.lang.Double":
          return new ValueType.Scalar(ScalarKind.DOUBLE, false, typeName);
        case "java.lang.Character":
          return new ValueType.Scalar(ScalarKind.CHAR, false, typeName);
        case "java.lang.String":
          return new ValueType.Scalar(ScalarKind.STRING, false, typeName);
        case "java.math.BigDecimal":
          return new ValueType.Scalar(ScalarKind.BIG_DECIMAL, false, typeName);
        case "java.math.BigInteger":
          return new ValueType.Scalar(ScalarKind.BIG_INTEGER, false, typeName);
        case "java.util.UUID":
          return new ValueType.Scalar(ScalarKind.UUID, false, typeName);
        case "java.time.Instant":
          return new ValueType.Scalar(ScalarKind.INSTANT, false, typeName);
        case "java.time.LocalDate":
          return new ValueType.Scalar(ScalarKind.LOCAL_DATE, false, typeName);
        case "java.time.LocalDateTime":
          return new ValueType.Scalar(ScalarKind.LOCAL_DATE_TIME, false, typeName);
        case "java.time.OffsetDateTime":
          return new ValueType.Scalar(ScalarKind.OFFSET_DATE_TIME, false, typeName);
        case "java.util.Optional":
          if (!memberLevel) {
            return unsupported(typeName, "an Optional inside another type; Optional is supported as a member's"
                + " type only (an element or map value may simply be null)");
          }
          if (arguments.size() != 1) {
            return unsupported(typeName, "a raw type");
          }
          return new ValueType.OptionalType(valueType(arguments.get(0), false), typeName);
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
          return new ValueType.Sequence(kind, valueType(arguments.get(0), false), typeName);
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
          return new ValueType.MapType(valueType(arguments.get(1), false), typeName);
        default:
          break;
      }
      if (element.getKind() == ElementKind.ENUM) {
        List<String> constants =
            element.getEnclosedElements().stream()
                .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
                .map(e -> e.getSimpleName().toString())
                .toList();
        if (!accessible(element)) {
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
      if (inProgress.contains(name)) {
        return unsupported(typeName, "recursive (it contains itself), which the connector's schema cannot"
            + " describe");
      }
      return new ValueType.Struct(struct(element, type, false));
    }

    private ValueType unsupported(TypeName typeName, String reason) {
      return new ValueType.Unsupported(typeName, typeName.toString(), reason);
    }
  }

  /** A JavaPoet type name for any mirror, also erroneous ones. */
  static TypeName safeTypeName(TypeMirror type) {
    try {
      return TypeName.get(type);
    } catch (IllegalArgumentException e) {
      return ClassName.get("", type.toString().replaceAll("[^A-Za-z0-9_$.]", "_"));
    }
  }

  /** Courier annotations found on a member's elements. */
  private static final class Annotated {
    AnnotationMirror partitionKey;
    AnnotationMirror header;
    String headerName;
    AnnotationMirror timestamp;
    Element element;

    void collect(Element e) {
      AnnotationMirror key = annotation(e, PARTITION_KEY);
      AnnotationMirror head = annotation(e, HEADER);
      AnnotationMirror time = annotation(e, TIMESTAMP);
      if (key != null && partitionKey == null) {
        partitionKey = key;
        element = element == null ? e : element;
      }
      if (head != null && header == null) {
        header = head;
        headerName = "";
        head.getElementValues().forEach((k, v) -> {
          if (k.getSimpleName().contentEquals("value") && v.getValue() instanceof String text) {
            headerName = text;
          }
        });
        element = element == null ? e : element;
      }
      if (time != null && timestamp == null) {
        timestamp = time;
        element = element == null ? e : element;
      }
    }
  }

  /** A class member before the creator is known. */
  private static final class MemberDraft {
    final VariableElement field;
    final String name;
    final TypeMirror type;
    final ValueType valueType;
    final Optional<Access> read;
    final String unreadable;
    final Optional<Access> write;
    final Annotated annotated;

    MemberDraft(
        VariableElement field,
        String name,
        TypeMirror type,
        ValueType valueType,
        Optional<Access> read,
        String unreadable,
        Optional<Access> write,
        Annotated annotated) {
      this.field = field;
      this.name = name;
      this.type = type;
      this.valueType = valueType;
      this.read = read;
      this.unreadable = unreadable;
      this.write = write;
      this.annotated = annotated;
    }

    Member toMember(boolean noArgs) {
      return new Member(
          name,
          field,
          type,
          valueType,
          read,
          read.isEmpty() ? unreadable : "",
          noArgs ? write : Optional.of(Access.constructor()),
          annotated.partitionKey,
          annotated.header,
          annotated.headerName,
          annotated.timestamp,
          annotated.element == null ? field : annotated.element);
    }
  }
}

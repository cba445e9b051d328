/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the members of a message type and of every record or class its members reach into {@link StructModel}s.
 *
 * <p>One instance serves one message type. It owns how a member is found (a record's components; a class's
 * non-static, non-transient fields up its superclass chain, with duplicates kept for validation), how it is read and
 * written (accessor, getter, setter or field, as far as code generated in the message's package can reach them),
 * which Courier annotations it carries (on the field, the component, the accessor or a getter), and how an instance
 * is created ({@link Creator}: canonical constructor, all-members constructor or no-argument constructor with
 * setters). The type of each member is resolved by its {@link ValueTypeResolver}, which comes back here for each
 * nested struct; the structs already read are shared so that each is read once.
 */
final class MemberReader {

  private final Elements elements;
  private final Types types;
  private final String packageName;
  private final Map<String, StructModel> structs = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();
  private final ValueTypeResolver valueTypes;

  /**
   * Creates a reader for the members of one message type.
   *
   * @param elements the element utilities
   * @param types the type utilities
   * @param packageName the package of the message type, where the generated code lives
   * @param unresolved where to add the types that do not exist (yet)
   */
  MemberReader(Elements elements, Types types, String packageName, Set<String> unresolved) {
    this.elements = elements;
    this.types = types;
    this.packageName = packageName;
    this.valueTypes = new ValueTypeResolver(this, packageName, unresolved);
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
              valueTypes.resolve(memberType, true),
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
    return new MemberDraft(field, name, memberType, valueTypes.resolve(memberType, true), read, unreadable, write, annotated);
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

  /** Whether the struct of the named type is being read, so that reaching it again is a recursion. */
  boolean inProgress(String qualifiedName) {
    return inProgress.contains(qualifiedName);
  }

  /** The names a getter of a member may have, in the order they are looked for. */
  static List<String> getterNames(String name, TypeMirror type) {
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

  /** Courier annotations found on a member's elements. */
  private static final class Annotated {
    AnnotationMirror partitionKey;
    AnnotationMirror header;
    String headerName;
    AnnotationMirror timestamp;
    Element element;

    void collect(Element e) {
      AnnotationMirror key = ModelReader.annotation(e, ModelReader.PARTITION_KEY);
      AnnotationMirror head = ModelReader.annotation(e, ModelReader.HEADER);
      AnnotationMirror time = ModelReader.annotation(e, ModelReader.TIMESTAMP);
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

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.docs;

import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Generates {@code docs/reference/annotations.md} from the sources of the annotations and enums a user compiles
 * against ({@code config/src/main/java/dev/courier/*.java}): javac parses and attributes them (no doclet, no
 * reflection on the compiled classes), and each annotation's, attribute's and constant's javadoc becomes Markdown.
 * Defaults come from the attributes' declared default values, the Kafka key of an attribute from its javadoc's
 * "Kafka's {@code key}", checked against {@link ProducerConfig#configNames()}.
 */
public final class AnnotationReference {
  /** The file, relative to the repository root. */
  public static final String FILE = "docs/reference/annotations.md";
  /** The sources, relative to the repository root. */
  public static final String SOURCES = "config/src/main/java/dev/courier";
  /** The command that rewrites the file. */
  public static final String REGENERATE = "./mvnw -B -q -pl sdk-examples -am test -Dtest=AnnotationReferenceTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dcourier.docs.write=true";

  private static final List<String> ANNOTATIONS = List.of("KafkaMessage", "PartitionKey", "Header", "Timestamp");
  private static final List<String> ENUMS = List.of("SendMode", "Acks", "Compression", "Reading", "Compatibility");
  private static final Pattern KAFKA_KEY = Pattern.compile("Kafka's \\{@code ([a-z.]+)}");

  private final Elements elements;
  private final Map<String, TypeElement> types = new LinkedHashMap<>();

  private AnnotationReference(Elements elements, Iterable<? extends Element> analyzed) {
    this.elements = elements;
    for (Element element : analyzed) {
      if (element instanceof TypeElement type) {
        types.put(type.getSimpleName().toString(), type);
      }
    }
  }

  /**
   * Generates the reference from the sources under a repository root.
   *
   * @param repoRoot the repository root
   * @return the Markdown
   */
  public static String generate(Path repoRoot) {
    Path dir = repoRoot.resolve(SOURCES);
    List<Path> sources;
    try (Stream<Path> files = Files.list(dir)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      // The annotations refer to kafka-clients (Serializer) and nothing else outside the JDK.
      JavacTask task = (JavacTask) compiler.getTask(null, files, diagnostics,
          List.of("-proc:none", "-classpath", jarOf(org.apache.kafka.common.serialization.Serializer.class)), null,
          files.getJavaFileObjectsFromPaths(sources));
      Iterable<? extends Element> analyzed = task.analyze();
      List<String> errors = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR).map(Object::toString).toList();
      if (!errors.isEmpty()) {
        throw new IllegalStateException("javac could not attribute " + dir + ": " + errors);
      }
      return new AnnotationReference(task.getElements(), analyzed).markdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("<!-- Generated from the javadoc of ").append(SOURCES).append("/*.java by AnnotationReferenceTest"
        + " (module sdk-examples); do not edit.\n     Regenerate: ").append(REGENERATE).append(" -->\n\n");
    md.append("# Annotation reference\n\n");
    md.append("What an application compiles against (package `dev.courier`, artifact `dev.courier:courier-config`):"
        + " the annotations Courier's annotation processor reads, and the enums their attributes take. Each"
        + " setting an annotation fixes is checked at compile time by the [producer rules](producer-rules.md); a"
        + " violation is a compile error on the attribute. A connector that streams a `@KafkaMessage` type with"
        + " `message.class` must use the same settings ([connector producer overrides](producer-overrides.md),"
        + " [file source connector](file-source-connector.md)).\n\n");
    for (String name : ANNOTATIONS) {
      annotation(md, type(name));
    }
    md.append("## Enums\n\n");
    for (String name : ENUMS) {
      enumeration(md, type(name));
    }
    return md.toString().stripTrailing() + "\n";
  }

  private void annotation(StringBuilder md, TypeElement type) {
    md.append("## `@").append(type.getSimpleName()).append("`\n\n");
    md.append(Javadoc.markdown(doc(type), this::constant)).append("\n\n");
    md.append("Applies to: ").append(targets(type)).append(".\n\n");
    List<ExecutableElement> attributes = ElementFilter.methodsIn(type.getEnclosedElements());
    if (attributes.isEmpty()) {
      md.append("No attributes.\n\n");
      return;
    }
    md.append("| attribute | type | default | Kafka producer key |\n|---|---|---|---|\n");
    for (ExecutableElement attribute : attributes) {
      md.append("| [`").append(attribute.getSimpleName()).append("`](#").append(anchor(type, attribute))
          .append(") | `").append(simpleType(attribute)).append("` | ").append(defaultText(type, attribute))
          .append(" | ").append(kafkaKey(attribute).map(k -> "`" + k + "`").orElse("")).append(" |\n");
    }
    md.append('\n');
    for (ExecutableElement attribute : attributes) {
      md.append("### ").append(heading(type, attribute)).append("\n\n");
      md.append(Javadoc.markdown(doc(attribute), this::constant)).append("\n\n");
    }
  }

  private void enumeration(StringBuilder md, TypeElement type) {
    md.append("### `").append(type.getSimpleName()).append("`\n\n");
    md.append(Javadoc.markdown(doc(type), this::constant)).append("\n\n");
    md.append("| constant | meaning |\n|---|---|\n");
    for (VariableElement constant : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (constant.getKind() == ElementKind.ENUM_CONSTANT) {
        md.append("| `").append(constant.getSimpleName()).append("` | ")
            .append(Javadoc.markdown(doc(constant), this::constant).replace("\n\n", " ").replace("|", "\\|"))
            .append(" |\n");
      }
    }
    md.append('\n');
  }

  /**
   * The Kafka producer key an attribute's javadoc names ("Kafka's {@code key}").
   *
   * @param attribute the attribute
   * @return the key, if the javadoc names one
   * @throws IllegalStateException when the javadoc names a key Kafka's producer does not have
   */
  private java.util.Optional<String> kafkaKey(ExecutableElement attribute) {
    Matcher matcher = KAFKA_KEY.matcher(doc(attribute));
    if (!matcher.find()) {
      return java.util.Optional.empty();
    }
    String key = matcher.group(1);
    if (!ProducerConfig.configNames().contains(key)) {
      throw new IllegalStateException("the javadoc of " + attribute.getEnclosingElement() + "."
          + attribute.getSimpleName() + " names Kafka's " + key + ", which is not a producer key");
    }
    return java.util.Optional.of(key);
  }

  private String defaultText(TypeElement type, ExecutableElement attribute) {
    AnnotationValue value = attribute.getDefaultValue();
    if (value == null) {
      return "(required)";
    }
    Object raw = value.getValue();
    if (raw instanceof VariableElement constant) {
      return "`" + constant.getSimpleName() + "`";
    }
    if (raw instanceof javax.lang.model.type.DeclaredType declared) {
      return "`" + declared.asElement().getSimpleName() + ".class`";
    }
    if (raw instanceof List<?> list) {
      return list.isEmpty() ? "`{}`" : "`" + value + "`";
    }
    if (raw instanceof String s) {
      return s.isEmpty() ? "`\"\"` (empty)" : "`\"" + s + "\"`";
    }
    String text = String.valueOf(raw);
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getConstantValue() != null && String.valueOf(field.getConstantValue()).equals(text)) {
        return "`" + text + "` (`" + field.getSimpleName() + "`: not fixed)";
      }
    }
    return "`" + text + "`";
  }

  private static String targets(TypeElement type) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().toString().equals("java.lang.annotation.Target")) {
        String kinds = mirror.getElementValues().values().iterator().next().toString();
        return Stream.of(kinds.replaceAll("[{}]", "").split(","))
            .map(kind -> kind.trim().replace("java.lang.annotation.ElementType.", ""))
            .map(AnnotationReference::targetName)
            .collect(Collectors.joining(", "));
      }
    }
    return "any declaration";
  }

  private static String targetName(String kind) {
    return switch (kind) {
      case "TYPE" -> "classes and records";
      case "FIELD" -> "fields";
      case "METHOD" -> "no-argument getters";
      case "RECORD_COMPONENT" -> "record components";
      default -> kind.toLowerCase(Locale.ROOT);
    };
  }

  private static String simpleType(ExecutableElement attribute) {
    return attribute.getReturnType().toString()
        .replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z])", "$1")
        .replace("KafkaMessage.", "");
  }

  private static String heading(TypeElement type, ExecutableElement attribute) {
    return "`" + type.getSimpleName() + "." + attribute.getSimpleName() + "`";
  }

  private static String anchor(TypeElement type, ExecutableElement attribute) {
    return (type.getSimpleName() + attribute.getSimpleName().toString()).toLowerCase(Locale.ROOT);
  }

  private TypeElement type(String name) {
    TypeElement type = types.get(name);
    if (type == null) {
      throw new IllegalStateException("no " + name + ".java in " + SOURCES + " (found " + types.keySet() + ")");
    }
    return type;
  }

  private String doc(Element element) {
    String doc = elements.getDocComment(element);
    if (doc == null || doc.isBlank()) {
      throw new IllegalStateException(element.getEnclosingElement() + "." + element.getSimpleName()
          + " has no javadoc: the reference is generated from it");
    }
    return doc;
  }

  /** Resolves {@code {@value #NAME}} against the constants of the annotations. */
  private String constant(String reference) {
    String name = reference.substring(reference.indexOf('#') + 1);
    for (TypeElement type : types.values()) {
      for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        if (field.getSimpleName().contentEquals(name) && field.getConstantValue() != null) {
          return String.valueOf(field.getConstantValue());
        }
      }
    }
    throw new IllegalStateException("{@value " + reference + "} names no constant");
  }

  /** A list of every annotation attribute, as {@code Annotation.attribute}, for tests. */
  static List<String> attributes(Class<?>... annotations) {
    List<String> names = new ArrayList<>();
    for (Class<?> annotation : annotations) {
      for (java.lang.reflect.Method method : annotation.getDeclaredMethods()) {
        names.add(annotation.getSimpleName() + "." + method.getName());
      }
    }
    return names;
  }
}

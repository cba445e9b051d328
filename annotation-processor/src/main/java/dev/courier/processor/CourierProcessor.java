/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.courier.processor.diagnostics.ProcessorMessage;
import dev.courier.processor.diagnostics.Reporter;
import dev.courier.processor.evolution.EvolutionCheck;
import dev.courier.processor.model.Location;
import dev.courier.processor.model.MessageModel;
import dev.courier.processor.model.ModelReader;
import dev.courier.processor.validation.MessageValidator;
import dev.courier.processor.writer.Generator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Generates, for every {@code @KafkaMessage} type {@code T}, in {@code T}'s package: {@code TProducer},
 * {@code TSerializer} and {@code TDeserializer} (unless a value serializer is declared), {@code TDescriptor}, and
 * the resources {@code META-INF/courier/<binary name>.properties} with the effective settings and
 * {@code META-INF/courier/schemas/<binary name>.json} with the JSON Schema of the value (unless a value serializer is
 * declared). With the option {@code -Acourier.asyncapi=true} it also writes {@code META-INF/courier/asyncapi.json},
 * the AsyncAPI 3.0 document of every type of the compilation ({@code courier.asyncapi.title} and
 * {@code courier.asyncapi.version} name it).
 *
 * <p>With the option {@code -Acourier.evolution.baseline=<directory or jar>}, each type's schema is compared with
 * its previous version's in that baseline under the type's {@code compatibility} level, and a change the level does
 * not allow is an error on the member it is about ({@link EvolutionCheck}); nothing is generated for that type.
 *
 * <p>Per type: read a model, validate it (reporting every error on the element and annotation value it is about),
 * generate from a model without errors, check the evolution of its schema, and write the files only when that
 * passes. {@code process} never throws and never claims the annotation; an
 * unexpected failure becomes an error on the type, with its stack trace. Types that refer to types not generated
 * yet are deferred to the next round. For Gradle it is isolating (each generated file has exactly one originating
 * element, the annotated type), and aggregating when it writes the AsyncAPI document, which every type originates.
 */
@AutoService(Processor.class)
public final class CourierProcessor extends AbstractProcessor {

  /** The option that turns the AsyncAPI document on: {@code -Acourier.asyncapi=true}. */
  static final String ASYNCAPI_OPTION = "courier.asyncapi";
  /** The option that gives the AsyncAPI document's title (default: {@code Courier messages}). */
  static final String ASYNCAPI_TITLE_OPTION = "courier.asyncapi.title";
  /** The option that gives the AsyncAPI document's version (default: {@code 0.0.0}). */
  static final String ASYNCAPI_VERSION_OPTION = "courier.asyncapi.version";
  private static final String GRADLE_ISOLATING = "org.gradle.annotation.processing.isolating";
  private static final String GRADLE_AGGREGATING = "org.gradle.annotation.processing.aggregating";

  /** The valid types generated so far, for the AsyncAPI document. */
  private final List<MessageModel> generated = new ArrayList<>();
  private boolean asyncApiWritten;

  private final Set<String> deferred = new LinkedHashSet<>();
  private final Map<String, String> generatedBy = new HashMap<>();
  /** The qualified names of every type compiled from source so far, nested ones included. */
  private final Set<String> sourceTypes = new HashSet<>();
  private ModelReader reader;
  private Reporter reporter;
  private MessageValidator validator;
  private EvolutionCheck evolution;

  private final Consumer<TypeElement> beforeEachType;

  /** Creates the processor; the compiler calls this constructor. */
  public CourierProcessor() {
    this(type -> {});
  }

  /**
   * A processor that runs a hook before each type: the tests' way to prove that an unexpected failure becomes a
   * diagnostic instead of a compiler crash.
   */
  CourierProcessor(Consumer<TypeElement> beforeEachType) {
    this.beforeEachType = beforeEachType;
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    reader = new ModelReader(env);
    reporter = new Reporter(env.getMessager());
    validator = new MessageValidator(env.getTypeUtils(), reporter);
    evolution = new EvolutionCheck(env.getOptions(), reporter);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(ModelReader.KAFKA_MESSAGE);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(ASYNCAPI_OPTION, ASYNCAPI_TITLE_OPTION, ASYNCAPI_VERSION_OPTION, EvolutionCheck.OPTION,
        asyncApi() ? GRADLE_AGGREGATING : GRADLE_ISOLATING);
  }

  private boolean asyncApi() {
    return processingEnv != null && Boolean.parseBoolean(processingEnv.getOptions().get(ASYNCAPI_OPTION));
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (Element root : round.getRootElements()) {
      collectSourceTypes(root);
    }
    List<TypeElement> types = new ArrayList<>();
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        types.add(type);
      }
    }
    deferred.clear();
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(ModelReader.KAFKA_MESSAGE);
    if (annotation != null) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (element instanceof TypeElement type && !types.contains(type)) {
          types.add(type);
        }
      }
    }
    types.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));
    // Kafka's ConfigDef loads classes through the context class loader, which in a build tool's compiler is the
    // tool's own loader; the rules must see the kafka-clients on the processor path.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(CourierProcessor.class.getClassLoader());
    try {
      for (TypeElement type : types) {
        process(type, round.processingOver());
      }
    } finally {
      thread.setContextClassLoader(previous);
    }
    if (round.processingOver() && asyncApi() && !asyncApiWritten) {
      asyncApiWritten = true;
      writeAsyncApi();
    }
    return false;
  }

  private void writeAsyncApi() {
    if (generated.isEmpty()) {
      return;
    }
    Map<String, String> options = processingEnv.getOptions();
    String text = Generator.asyncApi(options.getOrDefault(ASYNCAPI_TITLE_OPTION, "Courier messages"),
        options.getOrDefault(ASYNCAPI_VERSION_OPTION, "0.0.0"), generated);
    Element[] originating = generated.stream().map(MessageModel::element).toArray(Element[]::new);
    try {
      FileObject file = processingEnv.getFiler()
          .createResource(StandardLocation.CLASS_OUTPUT, "", Generator.ASYNCAPI_PATH, originating);
      try (Writer writer = file.openWriter()) {
        writer.write(text);
      }
    } catch (IOException e) {
      reporter.report(ProcessorMessage.WRITE, Location.of(generated.get(0).element()), Generator.ASYNCAPI_PATH,
          "the types of this compilation", e.getMessage());
    }
  }

  private void process(TypeElement type, boolean lastRound) {
    try {
      beforeEachType.accept(type);
      ModelReader.Result result = reader.read(type);
      if (!result.unresolved().isEmpty()) {
        if (lastRound) {
          reporter.report(
              ProcessorMessage.UNRESOLVED,
              Location.of(type),
              type.getQualifiedName(),
              String.join(", ", result.unresolved()));
        } else {
          deferred.add(type.getQualifiedName().toString());
        }
        return;
      }
      MessageModel model = result.model();
      boolean valid = validator.validate(model);
      valid &= namesAreFree(model);
      if (!valid) {
        return;
      }
      Generator.Output output = Generator.generate(model);
      String schema = output.resources().get(Generator.schemaPath(model));
      if (schema == null || evolution.check(model, schema)) {
        write(model, output);
      }
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      reporter.report(ProcessorMessage.INTERNAL, Location.of(type), type.getQualifiedName(), trace);
    }
  }

  /** Reports a clash for every generated name that another class already has. */
  private boolean namesAreFree(MessageModel model) {
    boolean free = true;
    for (String suffix : Generator.suffixes(model)) {
      String name = model.generated(suffix).canonicalName();
      String owner = generatedBy.putIfAbsent(name, model.qualifiedName());
      AnnotationMirror annotation = model.annotation();
      if (owner != null && !owner.equals(model.qualifiedName())) {
        reporter.report(
            ProcessorMessage.NAME_CLASH,
            Location.of(model.element(), annotation),
            name,
            model.qualifiedName(),
            "it is also the class Courier generates for " + owner);
        free = false;
        continue;
      }
      // Only a name among this compilation's sources can clash (a class file may be an earlier build's output):
      // asking javac for every name it does not know searched the class path four times per message type, a third
      // of the processor's time. Knowing the sources from the rounds' root elements needs no compiler-specific API
      // (javac's Trees), so this works under ecj as well.
      if (!sourceTypes.contains(name)) {
        continue;
      }
      TypeElement existing = processingEnv.getElementUtils().getTypeElement(name);
      if (existing != null && !isGeneratedByCourier(existing)) {
        reporter.report(
            ProcessorMessage.NAME_CLASH,
            Location.of(model.element(), annotation),
            name,
            model.qualifiedName(),
            "a class of that name already exists");
        free = false;
      }
    }
    return free;
  }

  /** Adds a source type and its nested types to {@link #sourceTypes}. */
  private void collectSourceTypes(Element element) {
    if (element instanceof TypeElement type) {
      sourceTypes.add(type.getQualifiedName().toString());
      for (Element enclosed : type.getEnclosedElements()) {
        collectSourceTypes(enclosed);
      }
    }
  }

  private boolean isGeneratedByCourier(TypeElement type) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().toString().equals("javax.annotation.processing.Generated")) {
        return mirror.getElementValues().values().stream()
            .anyMatch(v -> v.getValue().toString().contains(CourierProcessor.class.getName()));
      }
    }
    // In a named module that does not read java.compiler, generated classes carry no @Generated; their javadoc says.
    String doc = processingEnv.getElementUtils().getDocComment(type);
    return doc != null && doc.contains("Generated by Courier");
  }

  private void write(MessageModel model, Generator.Output output) {
    for (JavaFile file : output.sources()) {
      String name = file.packageName() + "." + file.typeSpec().name();
      try {
        file.writeTo(processingEnv.getFiler());
      } catch (IOException e) {
        reporter.report(
            ProcessorMessage.WRITE, Location.of(model.element()), name, model.qualifiedName(), e.getMessage());
        return;
      }
    }
    for (Map.Entry<String, String> resource : output.resources().entrySet()) {
      try {
        FileObject file = processingEnv.getFiler()
            .createResource(StandardLocation.CLASS_OUTPUT, "", resource.getKey(), model.element());
        try (Writer writer = file.openWriter()) {
          writer.write(resource.getValue());
        }
      } catch (IOException e) {
        reporter.report(ProcessorMessage.WRITE, Location.of(model.element()), resource.getKey(),
            model.qualifiedName(), e.getMessage());
        return;
      }
    }
    generated.add(model);
  }
}

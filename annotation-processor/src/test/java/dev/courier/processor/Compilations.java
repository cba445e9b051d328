/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.courier.KafkaMessage;
import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.slf4j.LoggerFactory;

/** Runs Courier's processor with compile-testing on fixtures under {@code src/test/resources}. */
final class Compilations {
  private Compilations() {}

  /**
   * What the fixtures and the generated code compile against: Courier's annotations and runtime, and the libraries
   * the generated code calls. Not the whole test class path, whose broker and Scala jars both compilers would search
   * on every compilation (three times slower).
   */
  static final List<File> CLASS_PATH =
      Stream.of(KafkaMessage.class, Producer.class, JsonGenerator.class, LoggerFactory.class)
          .map(Compilations::location)
          .distinct()
          .toList();

  private static File location(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The compilers the processor runs in: javac (Maven, Gradle, IntelliJ IDEA), and the Eclipse compiler, ecj (Eclipse,
   * and VS Code through the Eclipse JDT language server). Both are {@code javax.tools.JavaCompiler}s.
   */
  enum Tool {
    JAVAC(ToolProvider::getSystemJavaCompiler, List.of("-Xlint:all,-processing")),
    /** ecj with its default settings: the warnings an Eclipse user sees unless they change them. */
    ECJ(EclipseCompiler::new, List.of());

    private final Supplier<JavaCompiler> tool;
    private final List<String> lint;

    Tool(Supplier<JavaCompiler> tool, List<String> lint) {
      this.tool = tool;
      this.lint = lint;
    }

    /** A new instance of the compiler. */
    JavaCompiler tool() {
      return tool.get();
    }

    /** compile-testing's compiler with Courier's processor and this compiler's warnings. */
    Compiler withProcessor() {
      return Compiler.compiler(tool()).withProcessors(new CourierProcessor()).withOptions(lint)
          .withClasspath(CLASS_PATH);
    }

    /**
     * As {@link #withProcessor()}, with warnings as errors under javac. ecj takes no such option through
     * {@code javax.tools}: a test that needs ecj's output warning-free asserts it
     * ({@code succeededWithoutWarnings()}).
     */
    Compiler strict() {
      return this == JAVAC ? withProcessor().withOptions(append(lint, "-Werror")) : withProcessor();
    }

    /** compile-testing's compiler with Courier's processor and the given options after this compiler's own. */
    Compiler withProcessor(String... options) {
      return withProcessor().withOptions(append(lint, options));
    }

    private static List<String> append(List<String> first, String... more) {
      List<String> all = new ArrayList<>(first);
      all.addAll(Arrays.asList(more));
      return all;
    }

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A fixture, by its path under {@code src/test/resources} (for example {@code good/com/acme/Order.java}). */
  static JavaFileObject fixture(String path) {
    return JavaFileObjects.forResource(path);
  }

  /**
   * Compiles sources with the processor under javac, with every lint warning on and warnings as errors (except the
   * {@code processing} lint: the processor never claims {@code @KafkaMessage}, by design).
   */
  static Compilation compile(JavaFileObject... sources) {
    return compile(Tool.JAVAC, sources);
  }

  /** Compiles sources with the processor under the given compiler ({@link Tool#strict()}). */
  static Compilation compile(Tool compiler, JavaFileObject... sources) {
    return compiler.strict().compile(Arrays.asList(sources));
  }

  /** Compiles fixtures by path under javac. */
  static Compilation compile(String... paths) {
    return compile(Tool.JAVAC, paths);
  }

  /** Compiles fixtures by path under the given compiler ({@link Tool#strict()}). */
  static Compilation compile(Tool compiler, String... paths) {
    return compile(compiler, Arrays.stream(paths).map(Compilations::fixture).toArray(JavaFileObject[]::new));
  }

  /** Compiles with the processor but without warnings as errors, to see warnings. */
  static Compilation compileAllowingWarnings(Tool compiler, String... paths) {
    return compiler.withProcessor()
        .compile(Arrays.stream(paths).map(Compilations::fixture).toArray(JavaFileObject[]::new));
  }
}

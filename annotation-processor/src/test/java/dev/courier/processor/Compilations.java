/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.Arrays;
import javax.tools.JavaFileObject;

/** Runs Courier's processor with compile-testing on fixtures under {@code src/test/resources}. */
final class Compilations {
  private Compilations() {}

  /** A fixture, by its path under {@code src/test/resources} (for example {@code good/com/acme/Order.java}). */
  static JavaFileObject fixture(String path) {
    return JavaFileObjects.forResource(path);
  }

  /**
   * Compiles sources with the processor, with every lint warning on and warnings as errors (except the
   * {@code processing} lint: the processor never claims {@code @KafkaMessage}, by design).
   */
  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new CourierProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(Arrays.asList(sources));
  }

  /** Compiles fixtures by path. */
  static Compilation compile(String... paths) {
    return compile(Arrays.stream(paths).map(Compilations::fixture).toArray(JavaFileObject[]::new));
  }

  /** Compiles with the processor but without -Werror, to see warnings. */
  static Compilation compileAllowingWarnings(String... paths) {
    return Compiler.javac()
        .withProcessors(new CourierProcessor())
        .withOptions("-Xlint:all,-processing")
        .compile(Arrays.stream(paths).map(Compilations::fixture).toArray(JavaFileObject[]::new));
  }
}

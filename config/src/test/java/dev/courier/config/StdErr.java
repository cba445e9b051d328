/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Captures what is written to {@code System.err} while code runs: slf4j-simple, the test logger, writes there and
 * looks {@code System.err} up on every line.
 */
final class StdErr {
  private StdErr() {}

  /** The result of some code and what it wrote to {@code System.err}. */
  record Captured<T>(T result, String output) {}

  static <T> Captured<T> capture(Supplier<T> code) {
    PrintStream original = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      System.setErr(capture);
      T result = code.get();
      capture.flush();
      return new Captured<>(result, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }
}

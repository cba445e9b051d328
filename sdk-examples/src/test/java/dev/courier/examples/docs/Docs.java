/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the docs are, and the check-or-rewrite step every generated doc shares. */
final class Docs {
  private Docs() {}

  /** The repository root: set by the surefire configuration, else the parent of the working directory. */
  static Path repoRoot() {
    String configured = System.getProperty("courier.repo.root");
    Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
    return root.toAbsolutePath().normalize();
  }

  /** The directory of the generated sources of the example types. */
  static Path generatedSources() {
    String configured = System.getProperty("courier.generated.dir");
    return configured != null ? Path.of(configured) : Path.of("target/generated-sources/annotations");
  }

  /** Whether this run rewrites the docs ({@code -Dcourier.docs.write=true}) instead of checking them. */
  static boolean rewrite() {
    return Boolean.getBoolean("courier.docs.write");
  }

  /**
   * Asserts that a committed file has exactly the expected content, or rewrites it with {@code -Dcourier.docs.write}.
   */
  static void checkOrWrite(Path file, String expected, String regenerate) throws IOException {
    if (rewrite()) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, expected, StandardCharsets.UTF_8);
      System.out.println("Wrote " + file);
      return;
    }
    assertThat(file).as("%s is missing; generate it with: %s", file, regenerate).exists();
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("%s differs from what the code generates; regenerate it with: %s", file, regenerate)
        .isEqualTo(expected);
  }
}

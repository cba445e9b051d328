/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The examples' committed contract baseline ({@code src/contract/schemas}) has every example type, so the build's
 * evolution check (passed in the pom) judges each of them: a type missing from the baseline would be taken as new
 * and compared with nothing.
 */
class ContractBaselineTest {

  @Test
  void everyExampleTypeHasItsPreviousSchemaInTheBaseline() throws IOException {
    List<String> generated = names(Path.of("target/classes/META-INF/courier/schemas"));
    List<String> baseline = names(Path.of("src/contract/schemas"));

    assertThat(generated).as("the example types' schemas").hasSizeGreaterThanOrEqualTo(6);
    assertThat(baseline).as("src/contract/schemas (see its README to update it)").containsAll(generated);
  }

  private static List<String> names(Path dir) throws IOException {
    assertThat(dir).isDirectory();
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    }
  }
}

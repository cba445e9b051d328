/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.courier.Compatibility;
import dev.courier.Reading;
import dev.courier.harness.SchemaRegistryProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The evolution corpus judged by a real Schema Registry (Apicurio Registry, Confluent-compatible API): for every case
 * and reading, the before version's generated schema is registered under a subject of each level (BACKWARD, FORWARD)
 * and the after version's is asked for (both named draft-07, which the registry's checker reads); the two answers make the registry's verdict, which is compared with
 * Courier's (the corpus verdict, which the codecs confirm in {@link EvolutionCorpusTest} and the compile-time check
 * reproduces in {@link EvolutionCheckTest}). Every pair where they differ is listed, with why, in
 * {@code src/test/resources/evolution/registry-disagreements.txt}; the test fails when the list changes, and
 * {@code -Dcourier.docs.write=true} rewrites it (keeping the reasons of the lines that stay). The table of all pairs is
 * written to {@code target/registry-agreement.md}.
 */
class RegistryAgreementIT {

  private static final Path DISAGREEMENTS = Path.of("src/test/resources/evolution/registry-disagreements.txt");

  @Test
  void theRegistryAndCourierAgreeExceptWhereTheListSaysWhy() throws Exception {
    List<String> table = new ArrayList<>();
    table.add("| case | reading | Courier | registry | registry's reason for a refusal |");
    table.add("|---|---|---|---|---|");
    TreeSet<String> disagreements = new TreeSet<>();
    int pairs = 0;
    try (SchemaRegistryProcess registry = SchemaRegistryProcess.start()) {
      for (String name : EvolutionCorpusTest.cases().toList()) {
        for (Reading reading : Reading.values()) {
          String key = reading.name().toLowerCase(Locale.ROOT);
          String courier = EvolutionCorpusTest.courierVerdict(name, reading);
          String before = schema(name, "before", reading);
          String after = schema(name, "after", reading);
          List<String> reasons = new ArrayList<>();
          boolean backward = judge(registry, name + "-" + key + "-backward", "BACKWARD", before, after, reasons);
          boolean forward = judge(registry, name + "-" + key + "-forward", "FORWARD", before, after, reasons);
          String verdict = EvolutionCorpusTest.verdict(backward, forward);
          table.add("| " + name + " | " + key + " | " + courier + " | " + verdict + " | "
              + String.join("; ", reasons).replace("|", "/") + " |");
          if (!verdict.equals(courier)) {
            disagreements.add(name + " " + key + " courier=" + courier + " registry=" + verdict);
          }
          pairs++;
        }
      }
    }
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/registry-agreement.md"), table, StandardCharsets.UTF_8);
    assertThat(pairs).as("pairs judged").isGreaterThanOrEqualTo(60);

    List<String> listed = new ArrayList<>();
    List<String> lines = Files.exists(DISAGREEMENTS) ? Files.readAllLines(DISAGREEMENTS) : List.of();
    for (String line : lines) {
      if (!line.isBlank() && !line.startsWith("#")) {
        listed.add(line.split("  #", 2)[0].strip());
      }
    }
    if (Boolean.getBoolean("courier.docs.write")) {
      List<String> rewritten = new ArrayList<>();
      lines.stream().filter(l -> l.startsWith("#")).forEach(rewritten::add);
      for (String disagreement : disagreements) {
        String reason = lines.stream().filter(l -> l.startsWith(disagreement + "  #")).findFirst()
            .orElse(disagreement + "  # why: to be written");
        rewritten.add(reason);
      }
      Files.write(DISAGREEMENTS, rewritten, StandardCharsets.UTF_8);
      return;
    }
    assertThat(disagreements).as("the pairs where Apicurio Registry and Courier differ (%s; the full table is in"
        + " target/registry-agreement.md)", DISAGREEMENTS).containsExactlyInAnyOrderElementsOf(listed);
  }

  /** Registers {@code before} under a new subject of the level and asks whether {@code after} is compatible. */
  private static boolean judge(SchemaRegistryProcess registry, String subject, String level, String before,
      String after, List<String> reasons) {
    registry.setCompatibility(subject, level);
    registry.register(subject, before);
    SchemaRegistryProcess.Verdict verdict = registry.compatible(subject, after);
    if (!verdict.compatible()) {
      reasons.add(level + ": " + verdict.reason());
    }
    return verdict.compatible();
  }

  private static String schema(String name, String side, Reading reading) throws IOException {
    Compilation compilation =
        EvolutionCheckTest.compile(EvolutionCheckTest.source(name, side, reading, Compatibility.BACKWARD));
    assertThat(compilation).succeeded();
    // Apicurio Registry 2.6 checks JSON Schema compatibility with a draft-07 library, which cannot determine the
    // version of a draft 2020-12 schema ("could not determine version"). Courier's schemas use only keywords draft-07
    // has too (a $ref into $defs is a plain JSON pointer), so naming draft-07 is a faithful translation.
    return EvolutionCheckTest.schema(compilation)
        .replace("https://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft-07/schema#");
  }
}

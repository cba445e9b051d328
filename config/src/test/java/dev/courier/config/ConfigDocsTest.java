/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.config.docs.ConfigDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed reference docs are exactly what {@link ConfigDocs} generates from the code. Run with
 * {@code -Dcourier.docs.write=true} to rewrite them.
 */
class ConfigDocsTest {

  private static final String REGENERATE =
      "./mvnw -B -q -pl config test -Dtest=ConfigDocsTest -Dcourier.docs.write=true";

  /** The repository root: set by the surefire config, else found from the working directory. */
  private static Path repoRoot() {
    String configured = System.getProperty("courier.repo.root");
    Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    if (configured == null && Files.exists(root.resolve("src/main/java/dev/courier/config"))) {
      root = root.getParent();
    }
    return root.toAbsolutePath().normalize();
  }

  @Test
  void committedDocsMatchTheGenerator() throws IOException {
    Path dir = repoRoot().resolve(ConfigDocs.REFERENCE_DIR);
    boolean write = Boolean.getBoolean("courier.docs.write");
    for (Map.Entry<String, String> doc : ConfigDocs.documents().entrySet()) {
      Path file = dir.resolve(doc.getKey());
      if (write) {
        Files.createDirectories(dir);
        Files.writeString(file, doc.getValue(), StandardCharsets.UTF_8);
        System.out.println("Wrote " + file);
        continue;
      }
      assertThat(file).as("%s is missing; generate it with: %s", file, REGENERATE).exists();
      assertThat(Files.readString(file, StandardCharsets.UTF_8))
          .as("%s differs from what the code generates; regenerate it with: %s", file, REGENERATE)
          .isEqualTo(doc.getValue());
    }
  }

  @Test
  void theRulesReferenceListsEveryRuleAndEveryReasonBeyondKafka() {
    String rules = ConfigDocs.rules();
    for (Rule rule : Rule.values()) {
      assertThat(rules).contains("| `" + rule.id() + "` |");
      rule.beyondKafka().ifPresent(reason -> assertThat(rules).contains("### `" + rule.id() + "`\n\n" + reason));
    }
    assertThat(rules).contains("## What Courier rejects beyond Kafka, and why");
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.connect.ProducerOverrideConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The committed reference pages must be what the ConfigDefs generate. */
class ReferenceDocsTest {

  private static final Path PAGE = Paths.get("..", "docs", "reference", "file-source-connector.md");
  private static final String REGENERATE = "./mvnw -pl connector -am test -Dtest=ReferenceDocsTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dcourier.docs.write=true";

  @Test
  void theCommittedReferenceIsUpToDate() throws Exception {
    String generated = ReferenceDocs.fileSourceConnector();
    if (Boolean.getBoolean("courier.docs.write")) {
      Files.createDirectories(PAGE.getParent());
      Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
    }
    assertThat(PAGE).as("docs/reference/file-source-connector.md is missing; generate it with: %s", REGENERATE)
        .exists();
    String committed = Files.readString(PAGE, StandardCharsets.UTF_8);
    assertThat(committed)
        .as("docs/reference/file-source-connector.md is stale (the ConfigDef or ReferenceDocs changed);"
            + " regenerate it with: %s", REGENERATE)
        .isEqualTo(generated);
  }

  @Test
  void theCommittedOverridesReferenceIsUpToDate() throws Exception {
    Path page = Paths.get("..", "docs", "reference", "producer-overrides.md");
    String generated = OverrideDocs.producerOverrides();
    if (Boolean.getBoolean("courier.docs.write")) {
      Files.writeString(page, generated, StandardCharsets.UTF_8);
    }
    assertThat(page).as("%s is missing; generate it with: %s", page, OverrideDocs.REGENERATE).exists();
    assertThat(Files.readString(page, StandardCharsets.UTF_8))
        .as("%s is stale; regenerate it with: %s", page, OverrideDocs.REGENERATE)
        .isEqualTo(generated);
  }

  @Test
  void theOverridesReferenceDescribesEveryKeyOfTheConfigDef() {
    String overrides = OverrideDocs.producerOverrides();
    ProducerOverrideConfig.configDef().configKeys().values().forEach(key -> assertThat(overrides)
        .contains("### `" + key.name + "`\n\n" + key.documentation + "\n"));
    assertThat(overrides).contains("* Valid values: `[all, -1, 0, 1]`", "`producer.override.transactional.id`");
  }
}

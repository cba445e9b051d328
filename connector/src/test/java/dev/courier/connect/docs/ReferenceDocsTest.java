/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The committed reference page must be what the ConfigDef generates. */
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
}

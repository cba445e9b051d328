/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The committed reference page must be what the ConfigDef generates. */
class JdbcReferenceDocsTest {

  private static final Path PAGE = Paths.get("..", "docs", "reference", "jdbc-source-connector.md");

  @Test
  void theCommittedReferenceIsUpToDate() throws Exception {
    String generated = JdbcReferenceDocs.page();
    if (Boolean.getBoolean("courier.docs.write")) {
      Files.createDirectories(PAGE.getParent());
      Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
    }
    assertThat(PAGE).as("docs/reference/jdbc-source-connector.md is missing; generate it with: %s",
        JdbcReferenceDocs.REGENERATE).exists();
    String committed = Files.readString(PAGE, StandardCharsets.UTF_8);
    assertThat(committed)
        .as("docs/reference/jdbc-source-connector.md is stale (the ConfigDef or JdbcReferenceDocs changed);"
            + " regenerate it with: %s", JdbcReferenceDocs.REGENERATE)
        .isEqualTo(generated);
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.connect.file.FileFormat;
import dev.courier.connect.file.FileMode;
import dev.courier.connect.file.FinishedAction;
import dev.courier.connect.jdbc.BarrierMode;
import dev.courier.connect.jdbc.JdbcMode;
import dev.courier.connect.jdbc.TemporalMapping;
import org.junit.jupiter.api.Test;

class ConfigChoiceTest {

  @Test
  void theValuesAreTheDocumentedOnesInDeclarationOrder() {
    assertThat(ConfigChoice.configValues(BadRecordPolicy.class)).containsExactly("fail", "skip", "dead-letter");
    assertThat(ConfigChoice.configValues(FileFormat.class)).containsExactly("json", "csv", "text");
    assertThat(ConfigChoice.configValues(FileMode.class)).containsExactly("spool", "tail");
    assertThat(ConfigChoice.configValues(FinishedAction.class)).containsExactly("move", "delete");
    assertThat(ConfigChoice.configValues(JdbcMode.class))
        .containsExactly("bulk", "incrementing", "timestamp+incrementing", "outbox");
    assertThat(ConfigChoice.configValues(TemporalMapping.class)).containsExactly("string", "connect");
    assertThat(ConfigChoice.configValues(BarrierMode.class)).containsExactly("auto", "none");
  }

  @Test
  void aValueIsReadIgnoringCaseAndSpaces() {
    assertThat(BadRecordPolicy.parse(" Dead-Letter ")).isEqualTo(BadRecordPolicy.DEAD_LETTER);
    assertThat(JdbcMode.parse("TIMESTAMP+INCREMENTING")).isEqualTo(JdbcMode.TIMESTAMP_INCREMENTING);
    assertThat(FinishedAction.parse("delete")).isEqualTo(FinishedAction.DELETE);
  }

  @Test
  void anUnknownValueNamesTheAcceptedOnes() {
    assertThatThrownBy(() -> BarrierMode.parse("sometimes")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'sometimes' is not a commit barrier mode; use one of auto, none");
  }
}

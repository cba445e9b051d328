/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RuleTest {

  /** Ids are public API: this list changes only by adding to it. */
  @Test
  void idsAreStable() {
    assertThat(Arrays.stream(Rule.values()).map(Rule::id)).containsExactly(
        "courier.unknown-key",
        "courier.invalid-value",
        "courier.compression",
        "courier.idempotence.acks",
        "courier.idempotence.retries",
        "courier.idempotence.max-in-flight",
        "courier.transaction.idempotence",
        "courier.transaction.acks",
        "courier.transaction.retries",
        "courier.send-mode.acks",
        "courier.delivery-timeout",
        "courier.batch-size.buffer-memory",
        "courier.ordering",
        "courier.conflict",
        "courier.connect.transactional-id",
        "courier.connect.override",
        "courier.kafka");
  }

  @Test
  void forIdFindsEveryRuleAndNamesAnUnknownId() {
    for (Rule rule : Rule.values()) {
      assertThat(Rule.forId(rule.id())).isSameAs(rule);
      assertThat(rule.description()).isNotBlank().endsWith(".");
    }
    assertThatThrownBy(() -> Rule.forId("courier.nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No Courier rule has the id courier.nope");
  }

  @Test
  void onlyOrderingIsAWarning() {
    assertThat(Arrays.stream(Rule.values()).filter(r -> r.severity() == Severity.WARNING))
        .containsExactly(Rule.ORDERING);
  }

  @Test
  void theRulesThatRejectMoreThanKafkaAreExactlyTheDocumentedOnes() {
    Set<Rule> beyond = Arrays.stream(Rule.values()).filter(r -> r.beyondKafka().isPresent())
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));
    assertThat(beyond).containsExactlyInAnyOrderElementsOf(List.of(Rule.UNKNOWN_KEY, Rule.SEND_MODE_ACKS,
        Rule.BATCH_SIZE_BUFFER_MEMORY, Rule.CONFLICT, Rule.CONNECT_TRANSACTIONAL_ID, Rule.CONNECT_OVERRIDE));
    assertThat(Rule.ORDERING.beyondKafka()).as("a warning rejects nothing").isEmpty();
  }

  @Test
  void violationsShowTheIdInBracketsAndExceptionsListThemAll() {
    Violation a = new Violation(Rule.ORDERING, "acks", List.of("retries"), "1", "first");
    Violation b = new Violation(Rule.KAFKA, "linger.ms", List.of(), null, "second");
    assertThat(a).hasToString("[courier.ordering] first");
    assertThat(a.id()).isEqualTo("courier.ordering");
    assertThat(a.severity()).isEqualTo(Severity.WARNING);
    assertThat(new ProducerSettingsException(List.of(a))).hasMessage("[courier.ordering] first");
    assertThat(new ProducerSettingsException(List.of(a, b)))
        .hasMessage("2 producer settings are invalid:\n  [courier.ordering] first\n  [courier.kafka] second");
    assertThatThrownBy(() -> new ProducerSettingsException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Violation(Rule.KAFKA, null, List.of(), null, "m"))
        .isInstanceOf(NullPointerException.class);
  }
}

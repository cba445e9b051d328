/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConnectorStatusTest {
  private static ConnectorStatus.TaskStatus task(int id, String state, String trace) {
    return new ConnectorStatus.TaskStatus(id, state, "w", trace);
  }

  @Test
  void runningNeedsTheConnectorAndExactlyThatManyRunningTasks() {
    ConnectorStatus two = new ConnectorStatus("c", "RUNNING", "w", null,
        List.of(task(0, "RUNNING", null), task(1, "RUNNING", null)));
    assertThat(two.isRunning(2)).isTrue();
    assertThat(two.isRunning(1)).isFalse();
    assertThat(new ConnectorStatus("c", "UNASSIGNED", "w", null, List.of(task(0, "RUNNING", null))).isRunning(1))
        .isFalse();
    assertThat(new ConnectorStatus("c", "RUNNING", "w", null, List.of(task(0, "PAUSED", null))).isRunning(1))
        .isFalse();
  }

  @Test
  void aFailedTaskIsAFailureAndItsTraceIsDescribed() {
    ConnectorStatus status = new ConnectorStatus("c", "RUNNING", "w", null,
        List.of(task(0, "RUNNING", null), task(1, "FAILED", "java.lang.IllegalStateException: boom")));
    assertThat(status.hasFailed()).isTrue();
    assertThat(status.describe()).isEqualTo("""
        connector c: RUNNING
          task 0: RUNNING
          task 1: FAILED
            trace: java.lang.IllegalStateException: boom""");
    assertThat(new ConnectorStatus("c", "FAILED", "w", "x", List.of()).hasFailed()).isTrue();
    assertThat(new ConnectorStatus("c", "RUNNING", "w", null, List.of()).hasFailed()).isFalse();
  }

  @Test
  void validationResultKeepsOnlyKeysWithErrorsSortedAndUnmodifiable() {
    Map<String, List<String>> errors = new TreeMap<>(Map.of("b", List.of("bad b"), "a", List.of("bad a")));
    ValidationResult result = new ValidationResult("X", 2, new TreeMap<>(errors));
    assertThat(result.errors().keySet()).containsExactly("a", "b");
    assertThat(result.errorsFor("a")).containsExactly("bad a");
    assertThat(result.errorsFor("c")).isEmpty();
    assertThat(result.isValid()).isFalse();
    assertThat(new ValidationResult("X", 0, new TreeMap<>()).isValid()).isTrue();
  }
}

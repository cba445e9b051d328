/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  @Test
  void suggestsTheClosestProducerKeyForATypo() {
    assertThat(Suggestions.closest("ack", ProducerConfig.configNames())).contains("acks");
    assertThat(Suggestions.closest("linger.msec", ProducerConfig.configNames())).contains("linger.ms");
    assertThat(Suggestions.closest("enable.idempotency", ProducerConfig.configNames()))
        .contains("enable.idempotence");
    assertThat(Suggestions.closest("max.in.flight.request.per.connection", ProducerConfig.configNames()))
        .contains("max.in.flight.requests.per.connection");
  }

  @Test
  void suggestsNothingWhenNothingIsClose() {
    assertThat(Suggestions.closest("topic", ProducerConfig.configNames())).isEmpty();
    assertThat(Suggestions.closest("anything", List.of())).isEmpty();
  }

  @Test
  void theThresholdIsAThirdOfTheCandidatesLengthButAtLeastTwo() {
    assertThat(Suggestions.closest("xy", List.of("ab"))).contains("ab");
    assertThat(Suggestions.closest("xyz", List.of("abc"))).isEmpty();
    assertThat(Suggestions.closest("abcdefghi", List.of("abcdefxyz"))).contains("abcdefxyz");
    assertThat(Suggestions.closest("abcdefghi", List.of("abcdewxyz"))).isEmpty();
  }

  @Test
  void tiesGoToTheFirstCandidateInSortedOrder() {
    assertThat(Suggestions.closest("bat", List.of("cat", "bar"))).contains("bar");
  }

  @Test
  void distanceIsLevenshtein() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("same", "same")).isZero();
  }

  @Test
  void nearestListsEveryCloseCandidateIgnoringCaseClosestFirst() {
    assertThat(Suggestions.nearest("Orders", List.of("order", "orders", "ORDERS", "order_lines", "customers", "order"),
        5)).containsExactly("ORDERS", "orders", "order");
    assertThat(Suggestions.nearest("orders", List.of("order", "orderz", "orders"), 2)).containsExactly("orders",
        "order");
    assertThat(Suggestions.nearest("orders", List.of("customers", "invoices"), 5)).isEmpty();
  }
}

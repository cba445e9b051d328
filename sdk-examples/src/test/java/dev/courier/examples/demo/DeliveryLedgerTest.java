/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo's exactly-once accounting: distinct keys per path, and every record read accounted for. */
class DeliveryLedgerTest {
  private static final DemoOptions OPTIONS = DemoOptions.parse("--records", "3", "--per-mode", "1");

  private final DeliveryLedger ledger = new DeliveryLedger(Map.of(
      "connector", Set.of("o-1", "o-2", "o-3"),
      "SYNC", Set.of("o-1"), "ASYNC", Set.of("o-2"), "FIRE_AND_FORGET", Set.of("o-3")));
  private int offset;

  @Test
  void aCleanRunIsExactlyOnce() {
    read("connector", "o-1", "o-2", "o-3");
    read("SYNC", "o-1");
    read("ASYNC", "o-2");
    read("FIRE_AND_FORGET", "o-3");

    assertThat(ledger.complete("connector")).isTrue();
    assertThat(result(3, 1).exactlyOnce(OPTIONS)).isTrue();
  }

  @Test
  void aDuplicateAndAStrayRecordWithTheRightTotalAreNotExactlyOnce() {
    // Three connector records, as expected by count: but o-1 twice and a key the connector never sent, o-3 missing.
    read("connector", "o-1", "o-2", "o-1");
    ledger.record("connector", "o-9", "partition 0 offset 3");
    read("SYNC", "o-1");
    read("ASYNC", "o-2");
    read("FIRE_AND_FORGET", "o-3");

    assertThat(ledger.complete("connector")).isFalse();
    assertThat(ledger.distinctKeys("connector")).isEqualTo(2);
    assertThat(ledger.duplicates()).containsExactly(
        "key o-1 from connector at partition 0 offset 2, already read at partition 0 offset 0");
    assertThat(ledger.unexpected()).containsExactly(
        "key o-9 from connector at partition 0 offset 3 (that path did not send it)");
    assertThat(result(3, 1).exactlyOnce(OPTIONS)).isFalse();
  }

  @Test
  void aLateConnectorRecordAmongTheProducersIsCaught() {
    read("connector", "o-1", "o-2", "o-3");
    read("SYNC", "o-1", "o-1"); // the connector's o-1 again, read after the producers started
    read("ASYNC", "o-2");
    read("FIRE_AND_FORGET", "o-3");
    ledger.record("no send mode", "o-3", "partition 1 offset 7"); // a key no producer was to send

    assertThat(ledger.duplicates()).hasSize(1);
    assertThat(ledger.unexpected()).hasSize(1);
    assertThat(result(3, 2).exactlyOnce(OPTIONS)).isFalse();
  }

  @Test
  void aRecordWithoutAKeyIsUnexpected() {
    ledger.record("connector", null, "partition 0 offset 0");

    assertThat(ledger.unexpected()).containsExactly(
        "key null from connector at partition 0 offset 0 (that path did not send it)");
  }

  private void read(String path, String... keys) {
    for (String key : keys) {
      ledger.record(path, key, "partition 0 offset " + offset++);
    }
  }

  private DemoResult result(long connectorRecords, long syncRecords) {
    return new DemoResult(connectorRecords, Map.of("SYNC", syncRecords, "ASYNC", 1L, "FIRE_AND_FORGET", 1L), 0,
        ledger.duplicates(), ledger.unexpected(), 3, 3, 3, 3, List.of(), List.of(), null, List.of(), List.of());
  }
}

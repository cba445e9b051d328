/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.jmh;

import dev.courier.bench.model.Address;
import dev.courier.bench.model.LargeMessage;
import dev.courier.bench.model.LineItem;
import dev.courier.bench.model.MediumMessage;
import dev.courier.bench.model.Money;
import dev.courier.bench.model.OrderStatus;
import dev.courier.bench.model.SmallMessage;
import dev.courier.bench.model.WideMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The benchmark messages, with fixed, realistic values (some strings need escaping, one member is null). */
final class Messages {
  private Messages() {
  }

  static SmallMessage small() {
    return new SmallMessage("order-8f3a2c19", 129_99L, 3, true, "EUR");
  }

  /** {@link #small()} with the five members a later version added. */
  static WideMessage wide() {
    return new WideMessage("order-8f3a2c19", 129_99L, 3, true, "EUR", "Leave at the \"back door\", please",
        5_00L, Instant.parse("2026-11-27T10:15:30.123Z"), List.of("priority", "gift-wrap"),
        new Address("Hauptstraße 12", "München", "80331", "DE"));
  }

  static MediumMessage medium() {
    return new MediumMessage("order-8f3a2c19-7d41", "customer-004217", 1_764_201_600_123L, 4,
        new Money(259_98L, "EUR"), new Money(41_51L, "EUR"), false, true, 2.375, "web", OrderStatus.PAID, null, 2,
        17L, "Leave at the \"back door\", please\nRing twice", new Address("Hauptstraße 12", "München", "80331", "DE"),
        new Address("Rue de Rivoli 5", "Paris", "75001", "FR"), List.of("priority", "gift-wrap", "returning"),
        "TRK-1Z999AA10123456784", 1_250);
  }

  static LargeMessage large() {
    List<LineItem> items = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      items.add(new LineItem("SKU-" + (100_000 + i * 37), "Article " + i + ": steel bolt M" + (4 + i % 8) + " x 40",
          1 + i % 5, new Money(99L + i * 13L, "EUR"), (i % 4) * 0.05, i % 10 == 0));
    }
    return new LargeMessage("batch-2026-11-27-0042", 1_764_201_600_123L, "warehouse-7", List.copyOf(items));
  }
}

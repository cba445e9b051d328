/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.model;

/** An order's status, a member of {@link MediumMessage}. */
public enum OrderStatus {
  /** Just placed. */
  PLACED,
  /** Paid. */
  PAID,
  /** Shipped. */
  SHIPPED,
  /** Cancelled. */
  CANCELLED
}

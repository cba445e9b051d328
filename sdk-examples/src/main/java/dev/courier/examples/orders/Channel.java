/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.orders;

/** Where an order was placed: an enum in the JSON value, written as the constant's name. */
public enum Channel {
  /** The web shop. */
  WEB,
  /** The mobile app. */
  MOBILE,
  /** A shop's till. */
  STORE
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.orders;

/**
 * One line of an order: a nested record in the JSON value of {@link OrderPlaced}.
 *
 * @param sku the stock keeping unit
 * @param quantity how many
 * @param unitPriceCents the price of one, in cents
 */
public record OrderLine(String sku, int quantity, long unitPriceCents) {}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.model;

/**
 * One line of a {@link LargeMessage}.
 *
 * @param sku the article number
 * @param name the article name
 * @param quantity how many
 * @param price the unit price
 * @param discount a fraction
 * @param backordered a flag
 */
public record LineItem(String sku, String name, int quantity, Money price, double discount, boolean backordered) {
}

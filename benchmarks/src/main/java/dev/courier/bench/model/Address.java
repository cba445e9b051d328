/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.model;

/**
 * A postal address, nested in {@link MediumMessage}.
 *
 * @param street the street and number
 * @param city the city
 * @param zip the postal code
 * @param country an ISO country code
 */
public record Address(String street, String city, String zip, String country) {
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.orders;

/**
 * A postal address: a nested record in the JSON value of {@link OrderPlaced}.
 *
 * @param street the street and number
 * @param city the city
 * @param postalCode the postal code
 * @param country an ISO 3166 alpha-2 code
 */
public record Address(String street, String city, String postalCode, String country) {}

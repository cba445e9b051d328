/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.model;

/**
 * An amount of money, nested in the medium and large messages.
 *
 * @param amountCents the amount in cents
 * @param currency an ISO currency code
 */
public record Money(long amountCents, String currency) {
}

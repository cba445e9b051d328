/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Shipping: {@link dev.courier.examples.shipping.ShipmentDispatched}, an {@code ASYNC} event, and
 * {@link dev.courier.examples.shipping.ShippingApp}, which sends it with a callback and bounds what is in flight.
 */
package dev.courier.examples.shipping;

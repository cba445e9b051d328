/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Orders: {@link dev.courier.examples.orders.OrderPlaced} shows a partition key, a header, a timestamp and nested
 * types in the JSON value, sent {@code SYNC} with idempotence. {@link dev.courier.examples.orders.OrderPlacedAsync}
 * and {@link dev.courier.examples.orders.OrderPlacedFireAndForget} have the same members and topic with the other
 * send modes: a {@code @KafkaMessage} type fixes one send mode, and the demo sends the same orders in each.
 * {@link dev.courier.examples.orders.OrderImportApp} imports orders from a JSON lines file.
 */
package dev.courier.examples.orders;

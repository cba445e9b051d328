/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Courier's examples: annotated message types that show every feature of {@code @KafkaMessage}, small applications
 * that use their generated producers the way a service would, and the runnable demo.
 *
 * <ul>
 *   <li>{@link dev.courier.examples.orders}: {@code OrderPlaced}, sent {@code SYNC} with idempotence, a partition key,
 *       a header, a timestamp and nested types; and two types with the same members sent {@code ASYNC} and
 *       {@code FIRE_AND_FORGET}, for the demo.</li>
 *   <li>{@link dev.courier.examples.clickstream}: a high-volume {@code FIRE_AND_FORGET} event with compression and
 *       linger.</li>
 *   <li>{@link dev.courier.examples.shipping}: an {@code ASYNC} event sent with a callback and with a future.</li>
 *   <li>{@link dev.courier.examples.payments}: a transactional event.</li>
 *   <li>{@link dev.courier.examples.audit}: an event with a declared value serializer instead of JSON.</li>
 *   <li>{@link dev.courier.examples.app}: configuration from a properties file and the environment, and clean
 *       shutdown, shared by the example applications.</li>
 *   <li>{@link dev.courier.examples.demo}: the demo.</li>
 * </ul>
 *
 * <p>The code Courier generates for these types is in {@code sdk-examples/target/generated-sources/annotations}
 * after a build.
 */
package dev.courier.examples;

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */

/**
 * The demo ({@code ./mvnw -B -q -Pdemo} from the repository root): an in-process KRaft broker and Connect worker,
 * the file source connector streaming sample orders with {@code message.class}, the same orders sent again through
 * the generated producers in each send mode, and a check that both paths put each key on the same partition with
 * the same bytes. See {@link dev.courier.examples.demo.Demo}.
 */
package dev.courier.examples.demo;

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Clickstream: {@link dev.courier.examples.clickstream.PageViewed}, a high-volume {@code FIRE_AND_FORGET} event with
 * compression and linger, and {@link dev.courier.examples.clickstream.ClickstreamApp}, which sends it with an error
 * handler that counts failures.
 */
package dev.courier.examples.clickstream;

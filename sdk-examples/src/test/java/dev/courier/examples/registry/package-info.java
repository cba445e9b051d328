/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */

/** Message types framed for the Schema Registry, and the ITs that run them against a real one. */
package dev.courier.examples.registry;

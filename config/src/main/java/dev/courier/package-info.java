/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * What an application compiles against: {@link dev.courier.KafkaMessage} and the annotations that mark a message's
 * key, headers and timestamp, and the enums their attributes take.
 *
 * <p>Public API: every public type of this package. Courier follows semantic versioning, so a change that breaks
 * code compiled against these types waits for a major version (see docs/versioning.md).
 */
package dev.courier;

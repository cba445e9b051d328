/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * {@code @KafkaMessage} types compiled with courier-annotation-processor at test-compile time (the connector's
 * test annotation processor path), so the connector's tests use a real generated producer, JSON codec and
 * descriptor, exactly as an application and a {@code message.class} deployment would.
 */
package dev.courier.connect.messages;

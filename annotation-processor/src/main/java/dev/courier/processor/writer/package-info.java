/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Generates code with JavaPoet from a validated {@link dev.courier.processor.model.MessageModel}: the producer, the
 * JSON serializer and deserializer, the connector's descriptor, and the effective-settings resource. Output is
 * deterministic: the same model gives the same bytes.
 */
package dev.courier.processor.writer;

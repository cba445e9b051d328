/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Courier's annotation processor: for every {@code @KafkaMessage} type it reads a model
 * ({@link dev.courier.processor.model}), validates it ({@link dev.courier.processor.validation}), and only from a
 * model without errors generates code ({@link dev.courier.processor.writer}). Use it on the annotation processor
 * path only.
 */
package dev.courier.processor;

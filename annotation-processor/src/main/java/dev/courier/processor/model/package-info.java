/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Plain immutable values read from {@code javax.lang.model}: what a {@code @KafkaMessage} type declares, with the
 * elements and annotation values each part comes from, so that validation can report on the exact place. Reading
 * never fails: anything the generated code could not handle is kept in the model (for example an
 * {@link dev.courier.processor.model.ValueType.Unsupported} type) for validation to report.
 */
package dev.courier.processor.model;

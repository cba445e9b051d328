/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Every message the processor reports ({@link dev.courier.processor.diagnostics.ProcessorMessage}), and the
 * {@link dev.courier.processor.diagnostics.Reporter} that prints them on the exact element, annotation and
 * annotation value. Violations of the shared producer rules keep the ids and words of
 * {@link dev.courier.config.Rule}.
 */
package dev.courier.processor.diagnostics;

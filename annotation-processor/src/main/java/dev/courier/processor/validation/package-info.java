/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Checks a {@link dev.courier.processor.model.MessageModel} and reports every problem, each on the element and
 * annotation value it is about. Code is generated only from a model without errors.
 */
package dev.courier.processor.validation;

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Uses the member of a {@link KafkaMessage} type as the record's timestamp: a {@code java.time.Instant} or a
 * {@code long}/{@code Long} of epoch milliseconds. A {@code null} value lets the producer stamp the record. At most
 * one per type.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Timestamp {}

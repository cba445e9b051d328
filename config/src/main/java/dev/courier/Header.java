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
 * Sends the member of a {@link KafkaMessage} type as a record header. A {@code String} is written as UTF-8, a
 * {@code byte[]} as is; a {@code null} value sends no header. Header members are part of the JSON value too,
 * unless the value serializer is declared.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Header {
  /**
   * The header name.
   *
   * @return the header's key, not blank
   */
  String value();
}

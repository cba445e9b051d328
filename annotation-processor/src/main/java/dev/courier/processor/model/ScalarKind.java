/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

import dev.courier.config.FieldType;

/** The member types that map to one JSON scalar. */
public enum ScalarKind {
  /** {@code boolean} / {@code Boolean}. */
  BOOLEAN(FieldType.Kind.BOOLEAN),
  /** {@code byte} / {@code Byte}. */
  BYTE(FieldType.Kind.INT8),
  /** {@code short} / {@code Short}. */
  SHORT(FieldType.Kind.INT16),
  /** {@code int} / {@code Integer}. */
  INT(FieldType.Kind.INT32),
  /** {@code long} / {@code Long}. */
  LONG(FieldType.Kind.INT64),
  /** {@code float} / {@code Float}. */
  FLOAT(FieldType.Kind.FLOAT32),
  /** {@code double} / {@code Double}. */
  DOUBLE(FieldType.Kind.FLOAT64),
  /** {@code char} / {@code Character}. */
  CHAR(FieldType.Kind.CHAR),
  /** {@code String}. */
  STRING(FieldType.Kind.STRING),
  /** {@code BigDecimal}. */
  BIG_DECIMAL(FieldType.Kind.DECIMAL),
  /** {@code BigInteger}. */
  BIG_INTEGER(FieldType.Kind.BIG_INTEGER),
  /** {@code UUID}. */
  UUID(FieldType.Kind.UUID),
  /** {@code Instant}. */
  INSTANT(FieldType.Kind.INSTANT),
  /** {@code LocalDate}. */
  LOCAL_DATE(FieldType.Kind.LOCAL_DATE),
  /** {@code LocalDateTime}. */
  LOCAL_DATE_TIME(FieldType.Kind.LOCAL_DATE_TIME),
  /** {@code OffsetDateTime}. */
  OFFSET_DATE_TIME(FieldType.Kind.OFFSET_DATE_TIME),
  /** {@code byte[]}. */
  BYTES(FieldType.Kind.BYTES);

  private final FieldType.Kind fieldKind;

  ScalarKind(FieldType.Kind fieldKind) {
    this.fieldKind = fieldKind;
  }

  /**
   * The kind the connector's descriptor uses for this scalar.
   *
   * @return the descriptor kind
   */
  public FieldType.Kind fieldKind() {
    return fieldKind;
  }
}

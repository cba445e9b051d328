/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

/** How serious a {@link Violation} is. */
public enum Severity {
  /** The settings cannot work as written: a compile error, a {@code validate()} error, a {@code ConfigException}. */
  ERROR,
  /** The settings work but probably not as intended; reported, and suppressible by its rule id. */
  WARNING
}

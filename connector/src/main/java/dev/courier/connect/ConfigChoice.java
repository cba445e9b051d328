/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An enum whose constants are the values of one connector config key, such as {@code mode} or
 * {@code bad.record.policy}. The value of a constant is its name in lower case with {@code -} for {@code _}
 * ({@code DEAD_LETTER} is {@code dead-letter}) unless the enum says otherwise; values are read ignoring case and
 * surrounding spaces. The key's {@code ConfigDef} validator and recommender take their list from
 * {@link #configValues(Class)}, so the enum is the one place that says what the key accepts.
 */
public interface ConfigChoice {

  /**
   * The config value that selects this constant.
   *
   * @return for example {@code dead-letter}
   */
  default String configValue() {
    return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Every config value of an enum, in declaration order.
   *
   * @param type the enum
   * @param <E> the enum type
   * @return the config values
   */
  static <E extends Enum<E> & ConfigChoice> List<String> configValues(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(ConfigChoice::configValue).toList();
  }

  /**
   * The constant a config value selects.
   *
   * @param type the enum
   * @param value a config value, case-insensitive
   * @param what what the constants are, for the error, for example {@code a bad-record policy}
   * @param <E> the enum type
   * @return the constant
   * @throws IllegalArgumentException when the value selects no constant
   */
  static <E extends Enum<E> & ConfigChoice> E parse(Class<E> type, String value, String what) {
    String normalized = value.trim().toLowerCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.configValue().equals(normalized)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        "'" + value + "' is not " + what + "; use one of " + String.join(", ", configValues(type)));
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The measured values of one thing across rounds, in the order they were measured.
 *
 * @param values the values
 */
public record Samples(List<Double> values) {

  /**
   * Copies the values.
   *
   * @param values the values
   */
  public Samples {
    values = List.copyOf(values);
  }

  /**
   * The median (the mean of the two middle values for an even count).
   *
   * @return the median, or NaN without values
   */
  public double median() {
    return median(values);
  }

  /**
   * The median of some values.
   *
   * @param values the values
   * @return the median, or NaN without values
   */
  public static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /**
   * The values as text, e.g. {@code 101k, 98.2k, 120k}.
   *
   * @return the values, each with three significant digits
   */
  public String describe() {
    return values.stream().map(Samples::compact).collect(Collectors.joining(", "));
  }

  /**
   * A number with three significant digits and a k/M suffix.
   *
   * @param value the number
   * @return e.g. {@code 1.23M}, {@code 98.2k}, {@code 512}
   */
  public static String compact(double value) {
    double abs = Math.abs(value);
    if (abs >= 1e6) {
      return threeDigits(value / 1e6) + "M";
    }
    if (abs >= 1e3) {
      return threeDigits(value / 1e3) + "k";
    }
    return threeDigits(value);
  }

  private static String threeDigits(double value) {
    double abs = Math.abs(value);
    String pattern = abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, pattern, value);
  }
}

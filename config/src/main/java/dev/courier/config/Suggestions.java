/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for mistyped names: the closest candidate within a small edit distance.
 *
 * <p><b>Internal:</b> used by Courier's processor and connector; not covered by the compatibility promise of the
 * public API.
 */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to a mistyped name, when one is close enough to be a likely typo.
   *
   * @param wrong the name as written
   * @param candidates the names that would be accepted
   * @return the closest candidate within an edit distance of a third of its length (at least 2), or empty
   */
  public static Optional<String> closest(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates.stream().sorted().toList()) {
      int distance = distance(wrong, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null || bestDistance > Math.max(2, best.length() / 3)) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  /**
   * The candidates close enough to a mistyped name to be likely typos, ignoring case, closest first.
   *
   * @param wrong the name as written
   * @param candidates the names that exist
   * @param limit how many to return at most
   * @return the candidates within an edit distance of a third of the name's length (at least 2), closest first,
   *     equally close ones in natural order, without repeats
   */
  public static List<String> nearest(String wrong, Collection<String> candidates, int limit) {
    String wanted = wrong.toLowerCase(Locale.ROOT);
    int most = Math.max(2, wanted.length() / 3);
    return candidates.stream()
        .distinct()
        .filter(candidate -> distance(candidate.toLowerCase(Locale.ROOT), wanted) <= most)
        .sorted(Comparator.comparingInt((String candidate) -> distance(candidate.toLowerCase(Locale.ROOT), wanted))
            .thenComparing(Comparator.naturalOrder()))
        .limit(limit)
        .toList();
  }

  /** Levenshtein distance, two rows. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Builds temporal values from ISO-8601 text that has already matched its {@link JsonForms} pattern. The patterns fix
 * every field's position and range (a four-digit year, two-digit fields, a valid calendar date, an offset within 18
 * hours), so the fields are read by position, which is several times cheaper than {@code DateTimeFormatter}'s parse
 * and gives the same values.
 */
final class IsoText {

  private IsoText() {}

  /** {@code yyyy-MM-dd}. */
  static LocalDate date(String text) {
    return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
  }

  /** {@code yyyy-MM-ddTHH:mm[:ss[.f]]}, optionally followed by an offset. */
  static LocalDateTime dateTime(String text) {
    return LocalDateTime.of(date(text), LocalTime.of(number(text, 11, 13), number(text, 14, 16),
        text.length() > 16 && text.charAt(16) == ':' ? number(text, 17, 19) : 0, nanos(text)));
  }

  /** {@code yyyy-MM-ddTHH:mm[:ss[.f]]} followed by {@code Z} or {@code ±HH:mm}. */
  static OffsetDateTime offsetDateTime(String text) {
    return OffsetDateTime.of(dateTime(text), offset(text));
  }

  /** An instant: a date-time with seconds and an offset, as UTC. */
  static Instant instant(String text) {
    return dateTime(text).toInstant(offset(text));
  }

  /** The fraction after the seconds, in nanoseconds, or 0. */
  private static int nanos(String text) {
    if (text.length() <= 19 || text.charAt(16) != ':' || text.charAt(19) != '.') {
      return 0;
    }
    int nanos = 0;
    int digits = 0;
    for (int i = 20; i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
      nanos = nanos * 10 + (text.charAt(i) - '0');
      digits++;
    }
    for (; digits < 9; digits++) {
      nanos *= 10;
    }
    return nanos;
  }

  /** The offset at the end: {@code Z}, {@code z} or {@code ±HH:mm}. */
  private static ZoneOffset offset(String text) {
    char last = text.charAt(text.length() - 1);
    if (last == 'Z' || last == 'z') {
      return ZoneOffset.UTC;
    }
    int at = text.length() - 6;
    int sign = text.charAt(at) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * number(text, at + 1, at + 3), sign * number(text, at + 4, at + 6));
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }
}

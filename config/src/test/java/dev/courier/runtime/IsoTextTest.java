/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link IsoText} reads every text its {@link JsonForms} pattern admits as {@code DateTimeFormatter}'s ISO parsers do:
 * random values in every written and accepted spelling (seconds present or not, 0 to 9 fraction digits, {@code Z},
 * {@code z} or an offset, {@code T} or {@code t}), fixed seeds.
 */
class IsoTextTest {
  private static final int TEXTS = 200_000;

  @Test
  void readsWhatTheIsoParsersRead() {
    Random random = new Random(20261207);
    for (int i = 0; i < TEXTS; i++) {
      LocalDate date = LocalDate.ofEpochDay(LocalDate.of(0, 1, 1).toEpochDay()
          + random.nextInt((int) (LocalDate.of(9999, 12, 31).toEpochDay() - LocalDate.of(0, 1, 1).toEpochDay() + 1)));
      String dateText = String.format("%04d-%02d-%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
      assertThat(JsonForms.LOCAL_DATE.matcher(dateText).matches()).as(dateText).isTrue();
      assertThat(IsoText.date(dateText)).isEqualTo(LocalDate.parse(dateText, DateTimeFormatter.ISO_LOCAL_DATE));

      boolean seconds = random.nextInt(4) != 0;
      int fraction = seconds ? random.nextInt(10) : 0;
      StringBuilder time = new StringBuilder(dateText).append(random.nextBoolean() ? 'T' : 't')
          .append(String.format("%02d:%02d", random.nextInt(24), random.nextInt(60)));
      if (seconds) {
        time.append(String.format(":%02d", random.nextInt(60)));
        if (fraction > 0) {
          time.append('.');
          for (int d = 0; d < fraction; d++) {
            time.append((char) ('0' + random.nextInt(10)));
          }
        }
      }
      String local = time.toString();
      assertThat(JsonForms.LOCAL_DATE_TIME.matcher(local).matches()).as(local).isTrue();
      assertThat(IsoText.dateTime(local)).as(local)
          .isEqualTo(LocalDateTime.parse(local, DateTimeFormatter.ISO_LOCAL_DATE_TIME));

      int minutes = random.nextInt(2 * 18 * 60 + 1) - 18 * 60;
      String offset = switch (random.nextInt(4)) {
        case 0 -> "Z";
        case 1 -> "z";
        default -> ZoneOffset.ofTotalSeconds(minutes * 60).getId().replace("Z", "+00:00");
      };
      String withOffset = local + offset;
      assertThat(JsonForms.OFFSET_DATE_TIME.matcher(withOffset).matches()).as(withOffset).isTrue();
      assertThat(IsoText.offsetDateTime(withOffset)).as(withOffset)
          .isEqualTo(OffsetDateTime.parse(withOffset, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      if (seconds) {
        assertThat(JsonForms.INSTANT.matcher(withOffset).matches()).as(withOffset).isTrue();
        assertThat(IsoText.instant(withOffset)).as(withOffset)
            .isEqualTo(Instant.from(DateTimeFormatter.ISO_INSTANT.parse(withOffset)));
      }
    }
  }
}

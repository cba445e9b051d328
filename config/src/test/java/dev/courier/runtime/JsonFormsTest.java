/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The readers' fast checks say what the patterns of {@link JsonForms} say. */
class JsonFormsTest {

  @Test
  void theBase64LoopAgreesWithTheBase64Pattern() {
    Random random = new Random(20261207);
    String alphabet = "ABCXYZabcxyz0189+/=-_ \n.";
    for (int i = 0; i < 300_000; i++) {
      StringBuilder text = new StringBuilder();
      if (random.nextBoolean()) {
        byte[] bytes = new byte[random.nextInt(10)];
        random.nextBytes(bytes);
        text.append(Base64.getEncoder().encodeToString(bytes));
        if (text.length() > 0 && random.nextBoolean()) {
          text.setCharAt(random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
        }
      } else {
        int length = random.nextInt(10);
        for (int c = 0; c < length; c++) {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String candidate = text.toString();
      assertThat(JsonForms.isBase64(candidate)).as("'%s'", candidate)
          .isEqualTo(JsonForms.BASE64.matcher(candidate).matches());
    }
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Checks that the serializers compared in a benchmark write the same JSON (as a tree: member order aside). */
final class SameJson {
  private SameJson() {
  }

  static void check(String what, ObjectMapper mapper, byte[] generated, byte[] databind, byte[] handWritten)
      throws IOException {
    JsonNode expected = mapper.readTree(generated);
    if (!expected.equals(mapper.readTree(databind)) || !expected.equals(mapper.readTree(handWritten))) {
      throw new IllegalStateException(what + ": the serializers write different JSON, so a comparison would not be"
          + " fair:\ngenerated:    " + new String(generated, StandardCharsets.UTF_8)
          + "\ndatabind:     " + new String(databind, StandardCharsets.UTF_8)
          + "\nhand-written: " + new String(handWritten, StandardCharsets.UTF_8));
    }
  }
}

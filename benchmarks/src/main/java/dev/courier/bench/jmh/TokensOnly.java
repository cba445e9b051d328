/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The floor under every reader built on jackson-core: walks all tokens of the JSON, takes each string's text and each
 * number's value, and builds nothing. A reader of the message has to do at least this much, so
 * {@code databind time / this time} is the most any jackson-core reader can gain over databind on that data.
 */
final class TokensOnly {
  /** The read features Courier's runtime enables, so that this stays the floor under its reader. */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
      .build();

  private TokensOnly() {
  }

  /**
   * Reads every token.
   *
   * @param json the JSON
   * @return a value from the content, so the work cannot be skipped
   */
  static long read(byte[] json) {
    long sum = 0;
    try (JsonParser parser = FACTORY.createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case FIELD_NAME -> sum += parser.currentName().length();
          case VALUE_STRING -> sum += parser.getText().length();
          case VALUE_NUMBER_INT -> sum += parser.getLongValue();
          case VALUE_NUMBER_FLOAT -> sum += (long) parser.getDoubleValue();
          default -> sum += token.ordinal();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sum;
  }
}

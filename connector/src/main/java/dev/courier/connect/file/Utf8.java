/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import dev.courier.connect.Swar;

/** Strict UTF-8 validation (no overlong forms, no surrogates, nothing above U+10FFFF), faster than a decoder. */
final class Utf8 {

  private Utf8() {}

  /**
   * Finds the first byte that is not part of valid UTF-8.
   *
   * @param bytes the bytes
   * @param offset where to start
   * @param length how many bytes
   * @return the index, relative to {@code offset}, of the first invalid byte, or -1 when all are valid
   */
  static int firstInvalid(byte[] bytes, int offset, int length) {
    int i = offset;
    int end = offset + length;
    while (i < end) {
      int b = bytes[i];
      if (b >= 0) {
        i = Swar.firstNonAscii(bytes, i + 1, end);
        continue;
      }
      int lead = b & 0xFF;
      int count;
      int min;
      if (lead >= 0xC2 && lead <= 0xDF) {
        count = 1;
        min = 0x80;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        count = 2;
        min = 0x800;
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        count = 3;
        min = 0x10000;
      } else {
        return i - offset;
      }
      if (i + count >= end) {
        return i - offset;
      }
      int code = lead & (0x3F >> count);
      for (int k = 1; k <= count; k++) {
        int c = bytes[i + k] & 0xFF;
        if ((c & 0xC0) != 0x80) {
          return i - offset;
        }
        code = (code << 6) | (c & 0x3F);
      }
      if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        return i - offset;
      }
      i += count + 1;
    }
    return -1;
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

/** Record keys as they appear in messages and logs. */
final class Keys {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final int MAX_BYTES_SHOWN = 32;

  private Keys() {}

  /**
   * A key for a message: {@code null}, a {@code byte[]} as hex (at most 32 bytes shown), or its {@code toString}.
   */
  static String describe(Object key) {
    if (key == null) {
      return "null";
    }
    if (key instanceof byte[] bytes) {
      StringBuilder text = new StringBuilder("0x");
      for (int i = 0; i < Math.min(bytes.length, MAX_BYTES_SHOWN); i++) {
        text.append(HEX[(bytes[i] >> 4) & 0xf]).append(HEX[bytes[i] & 0xf]);
      }
      if (bytes.length > MAX_BYTES_SHOWN) {
        text.append("... (").append(bytes.length).append(" bytes)");
      }
      return text.toString();
    }
    return String.valueOf(key);
  }
}

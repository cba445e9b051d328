/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.scenario;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * Numbered text lines of 100 bytes ({@code 000000042 } then 90 letters from the line number, then {@code \n}), written
 * into files, and an order-independent checksum of their contents, so a reader can tell lost, duplicated and altered
 * lines apart.
 */
final class LineCorpus {
  static final int DIGITS = 9;
  static final int LINE_BYTES = 100;

  private LineCorpus() {
  }

  /** Line {@code n} without its line end. */
  static String line(long n) {
    StringBuilder sb = new StringBuilder(LINE_BYTES);
    String number = Long.toString(n);
    sb.append("0".repeat(DIGITS - number.length())).append(number).append(' ');
    SplittableRandom random = new SplittableRandom(n * 0x9E3779B97F4A7C15L);
    while (sb.length() < LINE_BYTES - 1) {
      sb.append((char) ('a' + random.nextInt(26)));
    }
    return sb.toString();
  }

  /** The line number a value starts with, or -1 when it is not a line of this corpus. */
  static long number(String value) {
    if (value == null || value.length() != LINE_BYTES - 1 || value.charAt(DIGITS) != ' ') {
      return -1;
    }
    long n = 0;
    for (int i = 0; i < DIGITS; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** The contribution of one line to a checksum: its CRC-32C and its number, mixed. */
  static long hash(String value) {
    CRC32C crc = new CRC32C();
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    crc.update(bytes, 0, bytes.length);
    long h = (crc.getValue() << 32) ^ number(value) ^ ((long) bytes.length << 20);
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }

  /** The checksum of lines {@code 0 .. count-1}: the sum of their hashes. */
  static long checksum(long count) {
    long sum = 0;
    for (long n = 0; n < count; n++) {
      sum += hash(line(n));
    }
    return sum;
  }

  /**
   * Writes lines {@code 0 .. count-1} into {@code files} files named {@code lines-NN.txt}, each made in
   * {@code staging} and then moved into {@code input}, so a reader never sees a file half written.
   */
  static void write(Path staging, Path input, int files, long count) throws IOException {
    long perFile = (count + files - 1) / files;
    for (int f = 0; f < files; f++) {
      long from = f * perFile;
      long to = Math.min(count, from + perFile);
      String name = String.format("lines-%02d.txt", f);
      Path file = staging.resolve(name);
      try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (long n = from; n < to; n++) {
          writer.write(line(n));
          writer.write('\n');
        }
      }
      Files.move(file, input.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
  }
}

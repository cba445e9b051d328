/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte scans eight bytes at a time ("SIMD within a register"): the searches every record of a file goes through
 * (its line end, its first byte that is not ASCII, a NUL byte). Java 17 has no vectorized search of a byte array;
 * reading a {@code long} through a byte-array view is compiled to one load, and the bit tests below find the first
 * matching byte of the eight exactly.
 */
public final class Swar {

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private Swar() {}

  /**
   * The first index of a byte value.
   *
   * @param bytes the bytes
   * @param from the first index to look at
   * @param to the index after the last one to look at
   * @param value the byte to find
   * @return its first index in {@code [from, to)}, or -1
   */
  public static int indexOf(byte[] bytes, int from, int to, byte value) {
    int i = from;
    long pattern = ONES * (value & 0xFF);
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long zeroWhereEqual = (long) LONGS.get(bytes, i) ^ pattern;
      long found = (zeroWhereEqual - ONES) & ~zeroWhereEqual & HIGHS;
      if (found != 0) {
        // The lowest flagged byte is exact (a borrow only ever flags bytes above a real match).
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The first byte that is not ASCII (has its high bit set).
   *
   * @param bytes the bytes
   * @param from the first index to look at
   * @param to the index after the last one to look at
   * @return its index in {@code [from, to)}, or {@code to} when every byte is ASCII
   */
  public static int firstNonAscii(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long high = (long) LONGS.get(bytes, i) & HIGHS;
      if (high != 0) {
        return i + (Long.numberOfTrailingZeros(high) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] < 0) {
        return i;
      }
    }
    return to;
  }
}

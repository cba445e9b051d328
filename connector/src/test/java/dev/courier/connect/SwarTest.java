/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The eight-at-a-time scans find exactly what a byte-by-byte loop finds, at every alignment and length. */
class SwarTest {

  @Property(tries = 2000)
  void indexOfIsTheFirstMatchOfAPlainLoop(@ForAll("sparse") byte[] bytes, @ForAll @IntRange(max = 40) int from,
      @ForAll @IntRange(max = 40) int cut, @ForAll("targets") byte value) {
    int start = Math.min(from, bytes.length);
    int end = Math.max(start, bytes.length - cut);
    int expected = -1;
    for (int i = start; i < end; i++) {
      if (bytes[i] == value) {
        expected = i;
        break;
      }
    }
    assertThat(Swar.indexOf(bytes, start, end, value)).isEqualTo(expected);
  }

  @Property(tries = 2000)
  void firstNonAsciiIsTheFirstHighByteOfAPlainLoop(@ForAll("sparse") byte[] bytes,
      @ForAll @IntRange(max = 40) int from, @ForAll @IntRange(max = 40) int cut) {
    int start = Math.min(from, bytes.length);
    int end = Math.max(start, bytes.length - cut);
    int expected = end;
    for (int i = start; i < end; i++) {
      if (bytes[i] < 0) {
        expected = i;
        break;
      }
    }
    assertThat(Swar.firstNonAscii(bytes, start, end)).isEqualTo(expected);
  }

  @Test
  void aMatchRightAfterBytesThatBorrowIsFoundAtItsOwnIndex() {
    // 0x01 after the match: the subtraction borrows into it, which must not move the answer.
    byte[] bytes = {'a', 'b', 0, 1, 0, 1, 'c', 'd', 'e', '\n'};
    assertThat(Swar.indexOf(bytes, 0, bytes.length, (byte) 0)).isEqualTo(2);
    assertThat(Swar.indexOf(bytes, 3, bytes.length, (byte) 0)).isEqualTo(4);
    assertThat(Swar.indexOf(bytes, 0, bytes.length, (byte) '\n')).isEqualTo(9);
    assertThat(Swar.indexOf(bytes, 0, 9, (byte) '\n')).isEqualTo(-1);
    assertThat(Swar.indexOf(new byte[] {(byte) 0x80, 0x7f, (byte) 0xff}, 0, 3, (byte) 0xff)).isEqualTo(2);
    assertThat(Swar.firstNonAscii(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, (byte) 0xC3}, 0, 9)).isEqualTo(8);
  }

  /** Mostly ASCII text with the bytes the scans look for (and their neighbours) now and then. */
  @Provide
  Arbitrary<byte[]> sparse() {
    Arbitrary<Byte> common = Arbitraries.bytes().between((byte) 0x20, (byte) 0x7e);
    Arbitrary<Byte> rare = Arbitraries.of((byte) 0, (byte) 1, (byte) '\n', (byte) 0x0b, (byte) 0x7f, (byte) 0x80,
        (byte) 0xC3, (byte) 0xff);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(30, common), net.jqwik.api.Tuple.of(1, rare)).array(byte[].class).ofMaxSize(80);
  }

  @Provide
  Arbitrary<Byte> targets() {
    return Arbitraries.of((byte) 0, (byte) '\n', (byte) 0x7f, (byte) 0x80, (byte) 0xff, (byte) 'a');
  }
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The {@code headers} column of the outbox table: a record's headers, in order, as bytes that the outbox writer
 * ({@link Outbox}) encodes and the JDBC source's outbox mode decodes, so both sides use one format by construction.
 *
 * <p>The format: a version byte ({@code 1}), then per header its key's UTF-8 length (2 bytes, big-endian), the key,
 * the value's length (4 bytes, big-endian; {@code -1} for a {@code null} value) and the value. No headers is
 * {@code null}, not an empty array.
 */
public final class OutboxHeaders {
  private static final byte VERSION = 1;

  private OutboxHeaders() {}

  /**
   * Encodes headers.
   *
   * @param headers the headers, in order
   * @return the column value, or {@code null} when there are none
   */
  public static byte[] encode(Headers headers) {
    Objects.requireNonNull(headers, "headers");
    int size = 1;
    int count = 0;
    for (Header header : headers) {
      size += 2 + header.key().getBytes(StandardCharsets.UTF_8).length + 4
          + (header.value() == null ? 0 : header.value().length);
      count++;
    }
    if (count == 0) {
      return null;
    }
    ByteBuffer out = ByteBuffer.allocate(size).put(VERSION);
    for (Header header : headers) {
      byte[] key = header.key().getBytes(StandardCharsets.UTF_8);
      if (key.length > 0xffff) {
        throw new IllegalArgumentException("header key of " + key.length + " bytes; at most 65535 fit the outbox");
      }
      out.putShort((short) key.length).put(key);
      if (header.value() == null) {
        out.putInt(-1);
      } else {
        out.putInt(header.value().length).put(header.value());
      }
    }
    return out.array();
  }

  /**
   * Decodes the column value.
   *
   * @param encoded what {@link #encode} wrote, or {@code null}
   * @return the headers, in order
   * @throws IllegalArgumentException when the bytes are not in this format, saying where
   */
  public static List<Header> decode(byte[] encoded) {
    List<Header> headers = new ArrayList<>();
    if (encoded == null) {
      return headers;
    }
    ByteBuffer in = ByteBuffer.wrap(encoded);
    try {
      byte version = in.get();
      if (version != VERSION) {
        throw new IllegalArgumentException("the headers column starts with version " + version + ", not " + VERSION
            + " (written by a newer Courier?)");
      }
      while (in.hasRemaining()) {
        byte[] key = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(key);
        int length = in.getInt();
        byte[] value = null;
        if (length >= 0) {
          value = new byte[length];
          in.get(value);
        } else if (length != -1) {
          throw new IllegalArgumentException("a header value length of " + length);
        }
        headers.add(new Decoded(new String(key, StandardCharsets.UTF_8), value));
      }
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("the headers column ends inside a header, at byte " + encoded.length, e);
    }
    return headers;
  }

  /** A decoded header. */
  private record Decoded(String key, byte[] value) implements Header {}
}

/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import dev.courier.connect.Swar;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Cuts a file into records at line ends ({@code \n}; a {@code \r} before it is dropped) with bounded memory: the
 * buffer grows only up to {@code maxBytes} plus the line end, and a longer record is passed over without being held,
 * keeping only its first bytes for the dead-letter topic. For CSV it is quote-aware: a line end inside a quoted field
 * does not end the record. As in the CSV parser, only a quote at the start of a field opens a quoted field (a quote
 * inside an unquoted field is that record's problem, not a reason to swallow the lines after it), and a quoted field
 * still open at the end of a finished file ends at its first line end, so the lines after it are read as records.
 *
 * <p>Reads are positional, so the framer never moves the channel's position and a file can be read from any
 * record boundary. A frame is a view into the buffer, valid until the next call to {@link #next(boolean)}.
 */
final class RecordFramer {

  /** The most bytes of an over-long record kept for the dead-letter topic. */
  static final int TOO_LONG_PREFIX = 64 * 1024;

  private static final int INITIAL_BUFFER = 64 * 1024;

  private final FileChannel channel;
  private final int maxBytes;
  private final boolean quoteAware;
  private final byte delimiter;
  private byte[] buffer;
  private long bufferPosition;
  private int start;
  private int scan;
  private int limit;
  private long line;
  private int quotedLineEnds;
  private boolean inQuotes;
  private boolean fieldStart = true;
  private boolean justClosed;
  private long firstQuotedLineEnd = -1;
  private boolean skipping;
  private long skipStartPosition;
  private byte[] skipPrefix;
  private final Frame frame = new Frame();

  /**
   * Creates a framer.
   *
   * @param channel the file
   * @param position the file position of the next record
   * @param line the line number of the next record (1-based)
   * @param maxBytes the longest record
   * @param quoteAware whether double quotes protect line ends (CSV)
   * @param delimiter the CSV field delimiter (a quote opens a quoted field only after it or at a record's start)
   */
  RecordFramer(FileChannel channel, long position, long line, int maxBytes, boolean quoteAware, char delimiter) {
    this.channel = channel;
    this.maxBytes = maxBytes;
    this.quoteAware = quoteAware;
    this.delimiter = (byte) delimiter;
    this.buffer = new byte[Math.min(INITIAL_BUFFER, maxBytes + 2)];
    this.bufferPosition = position;
    this.line = line;
  }

  /**
   * The file position of the next record to be framed (the end of the last frame).
   *
   * @return the position
   */
  long position() {
    return skipping ? skipStartPosition : bufferPosition + start;
  }

  /**
   * The file position up to which bytes were read (buffered, or passed over in an over-long record).
   *
   * @return the position
   */
  long readEnd() {
    return bufferPosition + limit;
  }

  /**
   * The line number of the next record to be framed.
   *
   * @return the line number
   */
  long line() {
    return line;
  }

  /**
   * Skips a UTF-8 byte-order mark at the current position, if there is one.
   *
   * @return whether one was skipped
   * @throws IOException when the file cannot be read
   */
  boolean skipByteOrderMark() throws IOException {
    while (limit - start < 3 && fill() > 0) {
      // read until three bytes are buffered or the file ends
    }
    if (limit - start >= 3 && buffer[start] == (byte) 0xEF && buffer[start + 1] == (byte) 0xBB
        && buffer[start + 2] == (byte) 0xBF) {
      start += 3;
      scan = Math.max(scan, start);
      return true;
    }
    return false;
  }

  /**
   * Frames the next record.
   *
   * @param endOfFileEndsRecord whether the end of the file ends a last record that has no line end (spool mode, and
   *     a rotated file in tail mode); otherwise such bytes wait for their line end
   * @return the frame, or {@code null} when no complete record is available yet
   * @throws IOException when the file cannot be read
   */
  Frame next(boolean endOfFileEndsRecord) throws IOException {
    while (true) {
      if (quoteAware) {
        int end = scanQuoted();
        if (end >= 0) {
          return emit(end, end + 1, true);
        }
      } else {
        int i = Swar.indexOf(buffer, scan, limit, (byte) '\n');
        if (i >= 0) {
          scan = i + 1;
          return emit(i, i + 1, true);
        }
      }
      scan = limit;
      if (!skipping && limit - start > maxBytes + 1) {
        beginSkipping();
      }
      if (skipping) {
        // Keep nothing of an over-long record but its prefix.
        bufferPosition += limit;
        start = 0;
        scan = 0;
        limit = 0;
      }
      if (fill() <= 0) {
        if (endOfFileEndsRecord && !skipping && inQuotes && firstQuotedLineEnd >= 0) {
          // A quote never closed in a finished file: the record ends at its first line end, and the lines after
          // it are framed again as records of their own.
          int end = (int) (firstQuotedLineEnd - bufferPosition);
          scan = end + 1;
          quotedLineEnds = 0;
          return emit(end, end + 1, true);
        }
        if (endOfFileEndsRecord && (skipping || limit > start)) {
          return emit(limit, limit, false);
        }
        return null;
      }
    }
  }

  /**
   * Scans CSV bytes from {@link #scan} for the line end that ends the record, tracking quotes as the CSV parser reads
   * them: a quote opens a quoted field only at the start of a field; in a quoted field, {@code ""} is a quote and a
   * single quote closes it.
   *
   * @return the index of the record's line end, or -1 when the buffered bytes hold none
   */
  private int scanQuoted() {
    for (int i = scan; i < limit; i++) {
      byte b = buffer[i];
      if (b == '\n') {
        if (inQuotes) {
          if (quotedLineEnds++ == 0) {
            firstQuotedLineEnd = bufferPosition + i;
          }
        } else {
          scan = i + 1;
          return i;
        }
      } else if (b == '"') {
        if (inQuotes) {
          inQuotes = false;
          justClosed = true;
        } else if (justClosed) {
          inQuotes = true;
          justClosed = false;
        } else if (fieldStart) {
          inQuotes = true;
          fieldStart = false;
        }
      } else if (!inQuotes) {
        fieldStart = b == delimiter;
        justClosed = false;
      }
    }
    return -1;
  }

  private void beginSkipping() {
    skipping = true;
    skipStartPosition = bufferPosition + start;
    skipPrefix = Arrays.copyOfRange(buffer, start, start + Math.min(TOO_LONG_PREFIX, maxBytes));
  }

  private Frame emit(int end, int next, boolean terminated) {
    Frame f = frame;
    f.startLine = line;
    f.lineCount = 1 + quotedLineEnds;
    f.terminated = terminated;
    f.endPosition = bufferPosition + next;
    if (skipping) {
      f.startPosition = skipStartPosition;
      f.tooLong = true;
      f.data = skipPrefix;
      f.offset = 0;
      f.length = skipPrefix.length;
      f.fullLength = bufferPosition + end - skipStartPosition;
      skipping = false;
      skipPrefix = null;
    } else {
      int contentEnd = end;
      if (contentEnd > start && buffer[contentEnd - 1] == '\r') {
        contentEnd--;
      }
      f.startPosition = bufferPosition + start;
      f.fullLength = contentEnd - start;
      if (contentEnd - start > maxBytes) {
        f.tooLong = true;
        f.data = Arrays.copyOfRange(buffer, start, start + Math.min(TOO_LONG_PREFIX, maxBytes));
        f.offset = 0;
        f.length = f.data.length;
      } else {
        f.tooLong = false;
        f.data = buffer;
        f.offset = start;
        f.length = contentEnd - start;
      }
    }
    line += f.lineCount;
    quotedLineEnds = 0;
    inQuotes = false;
    fieldStart = true;
    justClosed = false;
    firstQuotedLineEnd = -1;
    start = next;
    scan = Math.max(scan, next);
    return f;
  }

  /** Reads more bytes; returns how many, 0 or -1 at the end of the file. */
  private int fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, limit - start);
      bufferPosition += start;
      scan -= start;
      limit -= start;
      start = 0;
    }
    if (limit == buffer.length) {
      // Only a record shorter than the maximum gets here (a longer one is being skipped), so this stays bounded.
      buffer = Arrays.copyOf(buffer, (int) Math.min((long) maxBytes + 2, buffer.length * 2L));
    } else if (limit == 0 && buffer.length > INITIAL_BUFFER) {
      buffer = new byte[INITIAL_BUFFER];
    }
    int read = channel.read(ByteBuffer.wrap(buffer, limit, buffer.length - limit), bufferPosition + limit);
    if (read > 0) {
      limit += read;
    }
    return read;
  }

  /** One framed record. */
  static final class Frame {
    /** The bytes; for an over-long record, its first bytes only. */
    byte[] data;
    /** Where the record starts in {@link #data}. */
    int offset;
    /** How many bytes of {@link #data} belong to it (without the line end). */
    int length;
    /** The record's whole length without the line end. */
    long fullLength;
    /** The file position of its first byte. */
    long startPosition;
    /** The file position after its line end: the offset to resume after it. */
    long endPosition;
    /** The line number of its first line. */
    long startLine;
    /** How many lines it spans (more than one for a CSV record with quoted line ends). */
    int lineCount;
    /** Whether it is longer than the maximum. */
    boolean tooLong;
    /** Whether it ended with a line end (not at the end of the file). */
    boolean terminated;
  }
}

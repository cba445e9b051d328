/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import dev.courier.connect.BadRecordException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where reading of an open file starts, and places the file's {@link RecordFramer} there: at the stored offset
 * when that offset belongs to this very file (its size, the CRC of its first bytes and, in spool mode, its
 * modification time match), else at the file's start; where a parked file was parked; at the start again for a
 * truncated file. It owns the identity kept in each offset (the CRC of the file's first bytes, kept up to date while
 * the file is shorter than {@link FileOffset#HEAD_BYTES}) and what a resume past the start needs: the line number
 * counted when an offset has none, the mark of an offset set by hand in the middle of a line, and a CSV file's header
 * read again. It opens and closes nothing: {@link FileLifecycle} hands it open files.
 */
final class FileResumer {

  /** The task's logger, so that the file source's log settings keep covering what is logged here. */
  private static final Logger LOG = LoggerFactory.getLogger(FileSourceTask.class);

  private final FileSourceConnectorConfig config;
  private final FileMode mode;
  private final FileRecords records;

  /**
   * Creates a resumer.
   *
   * @param config the task's config (mode, format, CSV delimiter, record size limit)
   * @param records the task's record conversion, which reads a CSV header
   */
  FileResumer(FileSourceConnectorConfig config, FileRecords records) {
    this.config = config;
    this.mode = config.mode();
    this.records = records;
  }

  /**
   * Places the framer of a file just opened for the first time: at its stored offset when that offset is of this very
   * file (size, first bytes, spool modification time), else at its start. A file of a rotation is read from its start
   * whatever offset is stored.
   */
  void resume(TrackedFile file) throws IOException {
    long position = 0;
    long line = 1;
    FileOffset stored = file.fromStart ? null : file.stored;
    if (stored != null) {
      String mismatch = identityMismatch(file, stored);
      if (mismatch == null) {
        position = stored.position();
        line = stored.line();
        file.headLength = stored.headLength();
        file.headCrc = stored.headCrc();
        if (stored.headLength() < 0) {
          file.headLength = 0;
        }
      } else {
        LOG.warn("File {} is not the file its stored offset (byte {}) belongs to: {}. It is read from its start.",
            file.path, stored.position(), mismatch);
      }
    }
    if (position == 0) {
      file.headLength = 0;
      file.headCrc = 0;
    }
    if (position > 0 && line <= 0) {
      line = countLines(file.channel, position);
      LOG.info("File {}: the stored offset has no line number; counted {} lines before byte {}", file.path,
          line - 1, position);
    }
    if (position > 0 && !atLineStart(file.channel, position)) {
      file.midLine = true;
    }
    file.position = position;
    file.framer = framer(file.channel, position, line);
    if (position == 0) {
      file.framer.skipByteOrderMark();
    } else if (config.format() == FileFormat.CSV) {
      readCsvHeader(file);
    }
    if (position > 0) {
      LOG.info("Resuming {} at byte {} (line {})", file.path, position, line);
    }
  }

  /** Tail mode: places a reopened parked file's framer where the file was parked. */
  void resumeParked(TrackedFile file) throws IOException {
    file.parked = false;
    file.framer = framer(file.channel, file.parkedPosition, file.parkedLine);
    if (file.parkedPosition == 0) {
      file.framer.skipByteOrderMark();
    }
  }

  /** Tail mode: forgets what was read of a truncated file, so it is read again from its start. */
  void restartFromStart(TrackedFile file) throws IOException {
    file.position = 0;
    file.readEnd = 0;
    file.headLength = 0;
    file.headCrc = 0;
    file.header = null;
    file.headerProblem = null;
    if (file.channel == null) {
      file.parkedPosition = 0;
      file.parkedLine = 1;
      return;
    }
    file.framer = framer(file.channel, 0, 1);
    file.framer.skipByteOrderMark();
  }

  /** Keeps the CRC of the file's first bytes up to date while the file is shorter than the identifying head. */
  void updateHead(TrackedFile file) throws IOException {
    if (file.headLength >= FileOffset.HEAD_BYTES || file.headLength >= file.position) {
      return;
    }
    int length = (int) Math.min(FileOffset.HEAD_BYTES, file.position);
    file.headCrc = crc(file.channel, length);
    file.headLength = length;
  }

  private RecordFramer framer(FileChannel channel, long position, long line) {
    return new RecordFramer(channel, position, line, config.recordMaxBytes(), config.format() == FileFormat.CSV,
        config.csvDelimiter());
  }

  private static long crc(FileChannel channel, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, buffer.position()) < 0) {
        break;
      }
    }
    CRC32C crc = new CRC32C();
    crc.update(buffer.array(), 0, buffer.position());
    return crc.getValue();
  }

  private String identityMismatch(TrackedFile file, FileOffset stored) throws IOException {
    if (stored.position() > file.size) {
      return "it has " + file.size + " bytes, fewer than the offset";
    }
    if (mode == FileMode.SPOOL && stored.modified() >= 0 && stored.modified() != file.modified) {
      return "it was modified at " + java.time.Instant.ofEpochMilli(file.modified) + ", the read file at "
          + java.time.Instant.ofEpochMilli(stored.modified());
    }
    if (stored.headLength() > 0 && crc(file.channel, (int) stored.headLength()) != stored.headCrc()) {
      return "its first " + stored.headLength() + " bytes differ";
    }
    return null;
  }

  private static boolean atLineStart(FileChannel channel, long position) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    return channel.read(one, position - 1) == 1 && one.get(0) == '\n';
  }

  private static long countLines(FileChannel channel, long upTo) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    long lines = 1;
    long position = 0;
    while (position < upTo) {
      buffer.clear();
      buffer.limit((int) Math.min(buffer.capacity(), upTo - position));
      int read = channel.read(buffer, position);
      if (read <= 0) {
        break;
      }
      for (int i = 0; i < read; i++) {
        if (buffer.get(i) == '\n') {
          lines++;
        }
      }
      position += read;
    }
    return lines;
  }

  /** Reads the header of a CSV file resumed past it. */
  private void readCsvHeader(TrackedFile file) throws IOException {
    RecordFramer headerFramer = new RecordFramer(file.channel, 0, 1, config.recordMaxBytes(), true,
        config.csvDelimiter());
    headerFramer.skipByteOrderMark();
    RecordFramer.Frame frame;
    while ((frame = headerFramer.next(true)) != null && frame.startPosition < file.position) {
      if (frame.length == 0) {
        continue;
      }
      try {
        if (frame.tooLong || Utf8.firstInvalid(frame.data, frame.offset, frame.length) >= 0) {
          file.headerProblem = "it is too long or not UTF-8";
          file.headerLine = frame.startLine;
        } else {
          records.readHeader(file, frame.startLine,
              new String(frame.data, frame.offset, frame.length, StandardCharsets.UTF_8));
        }
      } catch (BadRecordException e) {
        // Remembered in the file's header problem; each row reports it.
      }
      return;
    }
  }
}

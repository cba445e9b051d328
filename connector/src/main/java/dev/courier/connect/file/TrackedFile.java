/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

/** What a task knows of one file it reads. Only the poll thread touches it, except {@link #acked}. */
final class TrackedFile {

  final Path path;
  final String key;
  final Map<String, String> partition;
  /** The stored offset found when the file was discovered, or {@code null}. */
  FileOffset stored;
  /** Whether stored offsets are ignored (a new file after a rotation). */
  boolean fromStart;

  FileChannel channel;
  /** The file key the file must have when it is opened: the listed one, then the one it had when first opened. */
  Object listedKey;
  Object fileKey;
  RecordFramer framer;
  long position;
  long size;
  long modified = -1;
  long headLength = -1;
  long headCrc;
  /** The first frame after resuming is a fragment of a line (an offset set by hand in the middle of a line). */
  boolean midLine;

  /** CSV: the header's column names, once read. */
  List<String> header;
  /** CSV: the schema of rows without a message type. */
  Schema headerSchema;
  /** CSV with a message type: the member of each column. */
  dev.courier.config.MemberDescriptor[] columnMembers;
  /** CSV: why the header cannot be used, or {@code null}. */
  String headerProblem;
  /** CSV: the line number of the header. */
  long headerLine;

  /** Spool: read to its end, waiting for its records to be committed. */
  boolean readToEnd;
  /** Spool: finished, but could not be moved or deleted; kept so it is not read again. */
  boolean finishFailed;
  /** Tail: the path now names another file (or none); read this one to its end, then let it go. */
  boolean draining;
  /** Tail: whether another file now has this path. */
  boolean rotated;
  /** Tail: waiting for appended bytes. */
  boolean idle;
  /** Tail: the file position up to which bytes were read when it went idle (a partial last line included). */
  long readEnd;
  /** Tail: closed to stay within tail.max.open.files; reopened at {@link #parkedPosition}. */
  boolean parked;
  /** Tail, parked: the position of the next record (the framer's, so a skipped byte-order mark stays skipped). */
  long parkedPosition;
  /** Tail, parked: the line number of the next record. */
  long parkedLine;

  /** Records (good and dead-letter) returned from poll for this file. */
  long emitted;
  /** Records of this file whose commit Connect has acknowledged ({@code commitRecord}); any thread. */
  final AtomicLong acked = new AtomicLong();
  SourceRecord lastEmitted;
  long lastEmittedPoll = -1;
  /** Records emitted since the last transaction boundary requested for this file. */
  boolean openTransaction;

  TrackedFile(Path path, FileOffset stored) {
    this.path = path;
    this.key = path.toString();
    this.partition = FileOffset.partition(key);
    this.stored = stored;
  }

  long behind() {
    return Math.max(0, size - position);
  }
}

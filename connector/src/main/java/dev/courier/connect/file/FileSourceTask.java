/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import dev.courier.connect.BadRecord;
import dev.courier.connect.BadRecordException;
import dev.courier.connect.BadRecordHandler;
import dev.courier.connect.BadRecordPolicy;
import dev.courier.connect.CourierConnectorVersion;
import dev.courier.connect.MessageMapping;
import dev.courier.connect.TaskMetrics;
import dev.courier.connect.TaskTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.TransactionContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the files of one hash bucket (see {@link FileScanner}) and returns their records with exact byte offsets.
 *
 * <p>Each record's source offset is the position just after it, so a restarted task resumes exactly after the last
 * committed record. In spool mode a file is moved or deleted only once Connect has acknowledged every record of it
 * through {@link #commitRecord} (after the transaction commits, with exactly-once support). With
 * {@code transaction.boundary=connector}, a transaction is committed when a file is read to its end (spool) or
 * caught up with (tail).
 */
public final class FileSourceTask extends SourceTask {

  /** The task config key of this task's bucket (set by the connector). */
  static final String TASK_INDEX_CONFIG = "courier.task.index";
  /** The task config key of the number of buckets (set by the connector). */
  static final String TASK_COUNT_CONFIG = "courier.task.count";

  private static final Logger LOG = LoggerFactory.getLogger(FileSourceTask.class);
  private static final int SCAN_STEP_ENTRIES = 1000;

  private final TaskTime time;
  private final Object lock = new Object();
  private final CountDownLatch stopLatch = new CountDownLatch(1);
  private final Map<String, TrackedFile> tracked = new ConcurrentHashMap<>();
  private final Deque<TrackedFile> queue = new ArrayDeque<>();
  private final List<TrackedFile> idle = new ArrayList<>();
  private final List<TrackedFile> finishing = new ArrayList<>();

  private FileSourceConnectorConfig config;
  private String connectorName;
  private FileMode mode;
  private FileRecords records;
  private BadRecordHandler badRecords;
  private FileScanner scanner;
  private List<Path> inputDirs;
  private Path finishedDir;
  private TransactionContext transactions;
  private TaskMetrics metrics;
  private AtomicLong recordsRead;
  private AtomicLong bytesRead;
  private AtomicLong badRecordCount;
  private AtomicLong filesCompleted;
  private volatile long bytesBehind;
  private long nextScan;
  private long nextRotationCheck;
  private long pollCount;
  private ConnectException failure;
  private volatile boolean stopping;

  /** Creates a task on the system clock (Connect's constructor). */
  public FileSourceTask() {
    this(TaskTime.SYSTEM);
  }

  /**
   * Creates a task on a given clock.
   *
   * @param time the clock
   */
  FileSourceTask(TaskTime time) {
    this.time = time;
  }

  @Override
  public String version() {
    return CourierConnectorVersion.get();
  }

  @Override
  public void start(Map<String, String> props) {
    config = new FileSourceConnectorConfig(props);
    connectorName = props.getOrDefault("name", "file-source");
    int taskIndex = Integer.parseInt(props.getOrDefault(TASK_INDEX_CONFIG, "0"));
    int taskCount = Integer.parseInt(props.getOrDefault(TASK_COUNT_CONFIG, "1"));
    mode = config.mode();
    MessageMapping mapping = config.mapping(getClass().getClassLoader());
    records = new FileRecords(config.format(), mapping, config.csvDelimiter(), config.recordMaxBytes());
    badRecords = config.badRecordHandler(connectorName);
    inputDirs = new ArrayList<>();
    for (Path dir : config.inputPaths()) {
      try {
        inputDirs.add(dir.toRealPath());
      } catch (IOException e) {
        throw new ConnectException("Input directory " + dir + " (input.paths) cannot be read: " + e, e);
      }
    }
    if (mode == FileMode.SPOOL && !config.deleteFinished()) {
      if (config.finishedPath() == null) {
        throw new ConnectException("spool.finished.action=move needs spool.finished.path; set it, or set"
            + " spool.finished.action=delete");
      }
      try {
        finishedDir = Files.createDirectories(config.finishedPath()).toRealPath();
      } catch (IOException e) {
        throw new ConnectException("spool.finished.path " + config.finishedPath() + " cannot be used: " + e, e);
      }
    }
    scanner = new FileScanner(inputDirs, config.filePattern(), config.recursive(), finishedDir, taskIndex,
        taskCount);
    transactions = context.transactionContext();
    metrics = TaskMetrics.of(context, connectorName, taskIndex);
    recordsRead = metrics.counter("records-read-total", "Records read from files and returned to Connect");
    bytesRead = metrics.counter("bytes-read-total", "Bytes read from files (records and line ends)");
    badRecordCount = metrics.counter("bad-records-total", "Bad records (failed on, skipped or dead-lettered)");
    filesCompleted = metrics.counter("files-completed-total",
        "Files finished: spooled files moved or deleted after commit, tailed files read to the end after rotation");
    metrics.gauge("bytes-behind", "Bytes not yet read in the files this task reads", () -> bytesBehind);
    metrics.gauge("files-tracked", "Files this task currently reads or waits on", tracked::size);
    LOG.info("Courier file source task {} of {} for connector {} started: {} {} files matching {} in {}",
        taskIndex + 1, taskCount, connectorName, mode.configValue(), config.format().configValue(),
        config.filePattern(), inputDirs);
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    if (failure != null) {
      throw failure;
    }
    List<SourceRecord> batch = new ArrayList<>();
    synchronized (lock) {
      if (stopping) {
        return null;
      }
      pollCount++;
      try {
        housekeeping(time.milliseconds());
        read(batch);
      } catch (IOException e) {
        throw new ConnectException("Reading files failed: " + e, e);
      } catch (UncheckedIOException e) {
        throw new ConnectException("Reading files failed: " + e.getCause(), e.getCause());
      }
      long behind = 0;
      for (TrackedFile file : tracked.values()) {
        behind += file.behind();
      }
      bytesBehind = behind;
    }
    if (batch.isEmpty()) {
      if (failure != null) {
        throw failure;
      }
      time.await(stopLatch, config.pollInterval().toMillis());
      return null;
    }
    return batch;
  }

  @Override
  public void commitRecord(SourceRecord record, org.apache.kafka.clients.producer.RecordMetadata metadata) {
    Object path = record.sourcePartition().get(FileOffset.PATH);
    TrackedFile file = path == null ? null : tracked.get(path.toString());
    if (file != null) {
      file.acked.incrementAndGet();
    }
  }

  @Override
  public void stop() {
    stopping = true;
    stopLatch.countDown();
    synchronized (lock) {
      for (TrackedFile file : tracked.values()) {
        close(file);
      }
      if (scanner != null) {
        scanner.close();
      }
      if (metrics != null) {
        metrics.close();
      }
    }
  }

  private void housekeeping(long now) throws IOException {
    if (mode == FileMode.SPOOL) {
      finishSpooledFiles();
    } else {
      if (now >= nextRotationCheck) {
        nextRotationCheck = now + config.scanInterval().toMillis();
        checkRotation();
      }
      wakeIdleFiles();
    }
    if (scanner.roundComplete() && now >= nextScan) {
      nextScan = now + config.scanInterval().toMillis();
      scanner.startRound();
    }
    if (!scanner.roundComplete()) {
      register(scanner.step(SCAN_STEP_ENTRIES, path -> tracked.containsKey(path.toString())), now);
    }
  }

  private void register(List<FileScanner.Candidate> candidates, long now) {
    List<FileScanner.Candidate> accepted = new ArrayList<>();
    java.util.Set<Path> seen = new java.util.HashSet<>();
    for (FileScanner.Candidate candidate : candidates) {
      if (tracked.containsKey(candidate.path().toString()) || !seen.add(candidate.path())) {
        continue;
      }
      if (mode == FileMode.SPOOL && now - candidate.modified() < config.minFileAge().toMillis()) {
        continue;
      }
      accepted.add(candidate);
    }
    if (accepted.isEmpty()) {
      return;
    }
    List<Map<String, String>> partitions = new ArrayList<>(accepted.size());
    for (FileScanner.Candidate candidate : accepted) {
      partitions.add(FileOffset.partition(candidate.path().toString()));
    }
    OffsetStorageReader reader = context.offsetStorageReader();
    Map<Map<String, String>, Map<String, Object>> stored = reader.offsets(partitions);
    for (FileScanner.Candidate candidate : accepted) {
      TrackedFile file = new TrackedFile(candidate.path(),
          FileOffset.fromMap(stored.get(FileOffset.partition(candidate.path().toString()))));
      file.size = candidate.size();
      tracked.put(file.key, file);
      queue.add(file);
    }
  }

  private void read(List<SourceRecord> batch) throws IOException {
    long bytes = 0;
    int maxRecords = config.pollMaxRecords();
    int maxBytes = config.pollMaxBytes();
    while (batch.size() < maxRecords && bytes < maxBytes && failure == null) {
      TrackedFile file = queue.peek();
      if (file == null) {
        break;
      }
      if (file.channel == null && !open(file)) {
        queue.poll();
        continue;
      }
      RecordFramer.Frame frame = file.framer.next(mode == FileMode.SPOOL || file.draining);
      if (frame == null) {
        queue.poll();
        reachedEnd(file, batch);
        continue;
      }
      long length = frame.endPosition - frame.startPosition;
      bytes += length;
      bytesRead.addAndGet(length);
      process(file, frame, batch);
    }
    if (mode == FileMode.TAIL && queue.size() > 1) {
      // A file that is appended to faster than it is read must not starve the others.
      queue.add(queue.poll());
    }
  }

  private void process(TrackedFile file, RecordFramer.Frame frame, List<SourceRecord> batch) throws IOException {
    file.position = frame.endPosition;
    updateHead(file);
    Map<String, Object> offset = new FileOffset(file.position, file.framer.line(), file.headLength, file.headCrc,
        mode == FileMode.SPOOL ? file.modified : -1).toMap();
    try {
      if (file.midLine) {
        file.midLine = false;
        throw new BadRecordException("the stored offset " + frame.startPosition + " is not at the start of a line"
            + " (was it set by hand?), so these bytes are only the end of a line");
      }
      SourceRecord record = records.convert(file, frame, offset);
      if (record != null) {
        emitted(file, record, batch);
        recordsRead.incrementAndGet();
      }
    } catch (BadRecordException e) {
      badRecordCount.incrementAndGet();
      BadRecord bad = badRecord(file, frame, offset, e.reason());
      if (badRecords.policy() == BadRecordPolicy.FAIL) {
        failure = badRecords.failure(bad);
        LOG.error(failure.getMessage());
        return;
      }
      badRecords.handle(bad).ifPresent(record -> emitted(file, record, batch));
    }
  }

  private void emitted(TrackedFile file, SourceRecord record, List<SourceRecord> batch) {
    batch.add(record);
    file.emitted++;
    file.lastEmitted = record;
    file.lastEmittedPoll = pollCount;
    file.openTransaction = true;
  }

  private BadRecord badRecord(TrackedFile file, RecordFramer.Frame frame, Map<String, Object> offset, String reason) {
    Map<String, String> headers = new HashMap<>();
    headers.put("courier.error.file", file.key);
    headers.put("courier.error.line", Long.toString(frame.startLine));
    headers.put("courier.error.offset", Long.toString(frame.startPosition));
    if (frame.tooLong) {
      headers.put("courier.error.length", Long.toString(frame.fullLength));
      headers.put("courier.error.truncated", "true");
    }
    String raw = new String(frame.data, frame.offset, frame.length, StandardCharsets.UTF_8);
    String location = "file " + file.key + " line " + frame.startLine + " (byte offset " + frame.startPosition + ")";
    return new BadRecord(location, reason, raw, headers, file.partition, offset);
  }

  /** Keeps the CRC of the file's first bytes up to date while the file is shorter than the identifying head. */
  private void updateHead(TrackedFile file) throws IOException {
    if (file.headLength >= FileOffset.HEAD_BYTES || file.headLength >= file.position) {
      return;
    }
    int length = (int) Math.min(FileOffset.HEAD_BYTES, file.position);
    file.headCrc = crc(file.channel, length);
    file.headLength = length;
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

  /** Opens a file at its stored offset when that offset is of this very file, else at its start. */
  private boolean open(TrackedFile file) throws IOException {
    try {
      file.channel = FileChannel.open(file.path, StandardOpenOption.READ);
      BasicFileAttributes attributes = Files.readAttributes(file.path, BasicFileAttributes.class);
      file.fileKey = attributes.fileKey();
      file.modified = attributes.lastModifiedTime().toMillis();
    } catch (NoSuchFileException e) {
      LOG.info("File {} disappeared before it was read", file.path);
      tracked.remove(file.key);
      return false;
    }
    file.size = file.channel.size();
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
    file.framer = new RecordFramer(file.channel, position, line, config.recordMaxBytes(),
        config.format() == FileFormat.CSV, config.csvDelimiter());
    if (position == 0) {
      file.framer.skipByteOrderMark();
    } else if (config.format() == FileFormat.CSV) {
      readCsvHeader(file);
    }
    if (position > 0) {
      LOG.info("Resuming {} at byte {} (line {})", file.path, position, line);
    }
    return true;
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

  private void reachedEnd(TrackedFile file, List<SourceRecord> batch) throws IOException {
    requestBoundary(file, batch);
    if (mode == FileMode.SPOOL) {
      file.readToEnd = true;
      close(file);
      finishing.add(file);
      return;
    }
    if (file.draining) {
      close(file);
      tracked.remove(file.key);
      filesCompleted.incrementAndGet();
      LOG.info("Read the rotated or removed file {} to its end (byte {})", file.path, file.position);
      if (file.rotated && Files.isRegularFile(file.path)) {
        TrackedFile next = new TrackedFile(file.path, null);
        next.fromStart = true;
        tracked.put(next.key, next);
        queue.add(next);
      }
      return;
    }
    file.size = Math.max(file.size, file.position);
    file.idle = true;
    idle.add(file);
  }

  /** With connector-defined transaction boundaries, commits when a file is read to its end or caught up with. */
  private void requestBoundary(TrackedFile file, List<SourceRecord> batch) {
    if (transactions == null || !file.openTransaction) {
      return;
    }
    file.openTransaction = false;
    if (file.lastEmittedPoll == pollCount && batch.contains(file.lastEmitted)) {
      transactions.commitTransaction(file.lastEmitted);
    } else {
      transactions.commitTransaction();
    }
  }

  private void finishSpooledFiles() throws IOException {
    Iterator<TrackedFile> it = finishing.iterator();
    while (it.hasNext()) {
      TrackedFile file = it.next();
      if (file.finishFailed || file.acked.get() < file.emitted) {
        continue;
      }
      long size;
      try {
        size = Files.size(file.path);
      } catch (NoSuchFileException e) {
        LOG.warn("Spooled file {} was removed by someone else after it was read", file.path);
        it.remove();
        tracked.remove(file.key);
        continue;
      }
      if (size > file.position) {
        LOG.warn("Spooled file {} grew from {} to {} bytes after it was read; reading the appended bytes. Files"
            + " must be complete before they are spooled (see spool.min.file.age.ms).", file.path, file.position,
            size);
        it.remove();
        file.readToEnd = false;
        file.stored = new FileOffset(file.position, file.framer.line(), file.headLength, file.headCrc, -1);
        file.fromStart = false;
        queue.addFirst(file);
        continue;
      }
      it.remove();
      finish(file);
    }
  }

  private void finish(TrackedFile file) {
    try {
      if (config.deleteFinished()) {
        Files.deleteIfExists(file.path);
        LOG.info("Spooled {} ({} records committed) and deleted it", file.path, file.emitted);
      } else {
        Path target = uniqueTarget(finishedDir.resolve(relativeToInput(file.path)));
        Files.createDirectories(target.getParent());
        try {
          Files.move(file.path, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(file.path, target);
        }
        LOG.info("Spooled {} ({} records committed) and moved it to {}", file.path, file.emitted, target);
      }
      tracked.remove(file.key);
      filesCompleted.incrementAndGet();
    } catch (IOException e) {
      file.finishFailed = true;
      LOG.error("Spooled {} (every record committed) but could not {} it: {}. It is not read again until the task"
          + " restarts; move or delete it by hand.", file.path, config.deleteFinished() ? "delete" : "move", e);
    }
  }

  private Path relativeToInput(Path path) {
    for (Path dir : inputDirs) {
      if (path.startsWith(dir)) {
        return dir.relativize(path);
      }
    }
    return path.getFileName();
  }

  private static Path uniqueTarget(Path target) {
    Path candidate = target;
    for (int i = 1; Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS); i++) {
      candidate = target.resolveSibling(target.getFileName() + "." + i);
    }
    return candidate;
  }

  /** Tail mode: notices files renamed away, removed or replaced at their path. */
  private void checkRotation() {
    for (TrackedFile file : tracked.values()) {
      if (file.channel == null || file.draining) {
        continue;
      }
      Object currentKey;
      try {
        currentKey = Files.readAttributes(file.path, BasicFileAttributes.class).fileKey();
      } catch (IOException e) {
        currentKey = null;
      }
      if (currentKey == null || !currentKey.equals(file.fileKey)) {
        file.draining = true;
        file.rotated = currentKey != null;
        LOG.warn("File {} was {}; reading the old file to its end (from byte {}){}", file.path,
            currentKey == null ? "removed or renamed away" : "rotated (another file now has its path)",
            file.position, currentKey == null ? "" : ", then the new file from its start");
        if (file.idle) {
          file.idle = false;
          idle.remove(file);
          queue.add(file);
        }
      }
    }
  }

  /** Tail mode: queues idle files that grew, and restarts truncated ones. */
  private void wakeIdleFiles() throws IOException {
    Iterator<TrackedFile> it = idle.iterator();
    while (it.hasNext()) {
      TrackedFile file = it.next();
      long size = file.channel.size();
      file.size = size;
      if (size < file.position) {
        LOG.warn("File {} was truncated from at least {} to {} bytes; reading it again from its start", file.path,
            file.position, size);
        file.position = 0;
        file.headLength = 0;
        file.headCrc = 0;
        file.header = null;
        file.headerProblem = null;
        file.framer = new RecordFramer(file.channel, 0, 1, config.recordMaxBytes(),
            config.format() == FileFormat.CSV, config.csvDelimiter());
        file.framer.skipByteOrderMark();
      } else if (size == file.position) {
        continue;
      }
      it.remove();
      file.idle = false;
      queue.add(file);
    }
  }

  private static void close(TrackedFile file) {
    if (file.channel != null) {
      try {
        file.channel.close();
      } catch (IOException e) {
        LOG.debug("Closing {} failed", file.path, e);
      }
      file.channel = null;
    }
  }

  /** For tests: the files this task tracks. */
  Collection<TrackedFile> trackedFiles() {
    return tracked.values();
  }
}

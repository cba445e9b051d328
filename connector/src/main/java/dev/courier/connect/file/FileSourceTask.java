/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import dev.courier.connect.BadRecord;
import dev.courier.connect.BadRecordException;
import dev.courier.connect.BadRecords;
import dev.courier.connect.CourierSourceConnector;
import dev.courier.connect.CourierSourceTask;
import dev.courier.connect.TaskMetrics;
import dev.courier.connect.TaskClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.TransactionContext;
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
 *
 * <p>This class is the file source's read of each poll ({@link CourierSourceTask} runs the poll, the checked config,
 * the metrics, the bad-record policy and the stop). It lists files in steps and hands new ones to the
 * {@link FileLifecycle}, takes the files to read from it, frames their records, maps them to source records with
 * their offsets, hands bad records to the task's {@link BadRecords}, asks for transaction boundaries, and keeps the
 * file metrics. A file's life (tracking, opening through the {@link ConfinedOpener}, parking and reopening by
 * position, rotation, spool finishing) is the {@link FileLifecycle}'s; where reading of an opened file starts is
 * the {@link FileResumer}'s.
 */
public final class FileSourceTask extends CourierSourceTask<FileSourceConnectorConfig> {

  /** The task config key of this task's bucket (set by the connector). */
  static final String TASK_INDEX_CONFIG = "courier.task.index";
  /** The task config key of the number of buckets (set by the connector). */
  static final String TASK_COUNT_CONFIG = "courier.task.count";

  private static final Logger LOG = LoggerFactory.getLogger(FileSourceTask.class);
  private static final int SCAN_STEP_ENTRIES = 1000;
  private static final long UNTRACKED_WARNING_INTERVAL_MS = 5 * 60 * 1000L;

  private FileSourceConnectorConfig config;
  private FileMode mode;
  private FileRecords records;
  private BadRecords badRecords;
  private FileScanner scanner;
  private FileResumer resumer;
  private FileLifecycle files;
  private TransactionContext transactions;
  private AtomicLong recordsRead;
  private AtomicLong bytesRead;
  private volatile long bytesBehind;
  private volatile long filesUntracked;
  private int untrackedThisRound;
  private long lastUntrackedWarning = -1;
  private long nextScan;
  private long nextRotationCheck;
  private long pollCount;

  /** Creates a task on the system clock (Connect's constructor). */
  public FileSourceTask() {
    this(TaskClock.SYSTEM);
  }

  /**
   * Creates a task on a given clock.
   *
   * @param time the clock
   */
  FileSourceTask(TaskClock time) {
    super(time);
  }

  @Override
  protected CourierSourceConnector<FileSourceConnectorConfig> connector() {
    return new FileSourceConnector();
  }

  @Override
  protected String defaultName() {
    return "file-source";
  }

  @Override
  protected int taskIndex(Map<String, String> props) {
    return Integer.parseInt(props.getOrDefault(TASK_INDEX_CONFIG, "0"));
  }

  @Override
  protected void startReading(Map<String, String> props) {
    config = config();
    int taskIndex = taskIndex(props);
    int taskCount = Integer.parseInt(props.getOrDefault(TASK_COUNT_CONFIG, "1"));
    mode = config.mode();
    records = new FileRecords(config.format(), config.mapping(), config.csvDelimiter(), config.recordMaxBytes());
    badRecords = badRecords();
    List<Path> inputDirs = new ArrayList<>();
    for (Path dir : config.inputPaths()) {
      try {
        inputDirs.add(dir.toRealPath());
      } catch (IOException e) {
        throw new ConnectException("Input directory " + dir + " (input.paths) cannot be read: " + e, e);
      }
    }
    Path finishedDir = null;
    if (mode == FileMode.SPOOL && !config.deleteFinished()) {
      try {
        finishedDir = Files.createDirectories(config.finishedPath()).toRealPath();
      } catch (IOException e) {
        throw new ConnectException("spool.finished.path " + config.finishedPath() + " cannot be used: " + e, e);
      }
    }
    scanner = new FileScanner(inputDirs, config.filePattern(), config.recursive(), finishedDir, taskIndex,
        taskCount);
    ConfinedOpener opener = new ConfinedOpener(inputDirs, true);
    if (!opener.secure()) {
      LOG.warn("This platform has no secure directory streams: files are confined to input.paths by path checks"
          + " only, which a writer of the input directories who swaps a sub-directory for a link twice within one"
          + " open could get past. Linux and macOS have them.");
    }
    transactions = context.transactionContext();
    TaskMetrics metrics = metrics();
    recordsRead = metrics.counter("records-read-total", "Records read from files and returned to Connect");
    bytesRead = metrics.counter("bytes-read-total", "Bytes read from files (records and line ends)");
    AtomicLong filesCompleted = metrics.counter("files-completed-total",
        "Files finished: spooled files moved or deleted after commit, tailed files read to the end after rotation");
    resumer = new FileResumer(config, records);
    files = new FileLifecycle(config, context, opener, resumer, inputDirs, finishedDir, filesCompleted);
    metrics.gauge("bytes-behind", "Bytes not yet read in the files this task reads", () -> bytesBehind);
    metrics.gauge("files-tracked", "Files this task currently reads or waits on", files::trackedCount);
    metrics.gauge("files-open", "Files this task holds open (spool mode: at most one; tail mode: at most"
        + " tail.max.open.files)",
        files::openCount);
    metrics.gauge("files-untracked", "Tail mode: files found in the last complete listing but not read because"
        + " tail.max.tracked.files files are tracked", () -> filesUntracked);
    LOG.info("Courier file source task {} of {} for connector {} started: {} {} files matching {} in {}",
        taskIndex + 1, taskCount, connectorName(), mode.configValue(), config.format().configValue(),
        config.filePattern(), inputDirs);
  }

  @Override
  protected List<SourceRecord> read() {
    List<SourceRecord> batch = new ArrayList<>();
    pollCount++;
    try {
      housekeeping(time().milliseconds());
      read(batch);
    } catch (IOException e) {
      throw new ConnectException("Reading files failed: " + e, e);
    } catch (UncheckedIOException e) {
      throw new ConnectException("Reading files failed: " + e.getCause(), e.getCause());
    }
    bytesBehind = files.behind();
    return batch;
  }

  @Override
  protected long idleWaitMs() {
    return config.pollInterval().toMillis();
  }

  @Override
  public void commitRecord(SourceRecord record, org.apache.kafka.clients.producer.RecordMetadata metadata) {
    Object path = record.sourcePartition().get(FileOffset.PATH);
    TrackedFile file = path == null ? null : files.get(path.toString());
    if (file != null) {
      file.acked.incrementAndGet();
    }
  }

  @Override
  protected void stopReading() {
    if (files != null) {
      files.closeAll();
    }
    if (scanner != null) {
      scanner.close();
    }
  }

  private void housekeeping(long now) throws IOException {
    if (mode == FileMode.SPOOL) {
      files.finishSpooledFiles();
    } else {
      boolean check = now >= nextRotationCheck;
      if (check) {
        nextRotationCheck = now + config.scanInterval().toMillis();
        files.checkRotation();
      }
      files.wakeIdleFiles(check);
    }
    if (scanner.roundComplete() && now >= nextScan) {
      nextScan = now + config.scanInterval().toMillis();
      scanner.startRound();
    }
    if (!scanner.roundComplete()) {
      untrackedThisRound += files.register(scanner.step(SCAN_STEP_ENTRIES, files::isTracked), now);
      if (scanner.roundComplete()) {
        reportUntracked(now);
      }
    }
  }

  /**
   * Tail mode, at the end of a listing: publishes how many found files wait because {@code tail.max.tracked.files}
   * is reached, and warns about it (at once, then at most every 5 minutes while it lasts).
   */
  private void reportUntracked(long now) {
    int count = untrackedThisRound;
    untrackedThisRound = 0;
    filesUntracked = count;
    if (count == 0) {
      if (lastUntrackedWarning >= 0) {
        LOG.info("Every file found in input.paths is tracked again (tail.max.tracked.files={})",
            config.tailMaxTrackedFiles());
        lastUntrackedWarning = -1;
      }
      return;
    }
    if (lastUntrackedWarning < 0 || now - lastUntrackedWarning >= UNTRACKED_WARNING_INTERVAL_MS) {
      lastUntrackedWarning = now;
      LOG.warn("{} files found in input.paths are not read: this task already follows tail.max.tracked.files={}"
          + " files. They are read once followed files are removed or rotated away; to read them now, raise"
          + " tail.max.tracked.files or tasks.max.", count, config.tailMaxTrackedFiles());
    }
  }

  /**
   * Fills a batch from the queue of files with bytes to read, up to {@code poll.max.records} records and
   * {@code poll.max.bytes} bytes.
   *
   * <p>The file at the head of the queue is read frame by frame until it has no complete record left; then it leaves
   * the queue ({@link FileLifecycle#reachedEnd}) and the next one is read. A file not open yet (new, or parked) is
   * opened first, and one that cannot be opened now waits or leaves the queue ({@link FileLifecycle#nextToRead}).
   *
   * <p>In tail mode the head file goes to the back after each batch, so a file appended to faster than it is read
   * cannot starve the others.
   */
  private void read(List<SourceRecord> batch) throws IOException {
    long bytes = 0;
    int maxRecords = config.pollMaxRecords();
    int maxBytes = config.pollMaxBytes();
    while (batch.size() < maxRecords && bytes < maxBytes && badRecords.failure() == null) {
      TrackedFile file = files.nextToRead();
      if (file == null) {
        break;
      }

      RecordFramer.Frame frame = file.framer.next(mode == FileMode.SPOOL || file.draining);
      if (frame == null) {
        requestBoundary(file, batch);
        file.lastEmitted = null;
        files.reachedEnd(file);
        continue;
      }
      long length = frame.endPosition - frame.startPosition;
      bytes += length;
      bytesRead.addAndGet(length);
      process(file, frame, batch);
    }
    if (mode == FileMode.TAIL) {
      files.headToBack();
    }
  }

  /**
   * Turns one framed record into a source record (or a bad record) whose offset is the position just after it.
   *
   * <p>The offset also carries the next line number and the file's identity (CRC of its first bytes, spool
   * modification time), so a restarted task resumes after this record only in this very file. A frame that starts
   * in the middle of a line (an offset set by hand) is a bad record. Bad records follow {@code bad.record.policy}:
   * {@code fail} stops reading (the good records before it in the batch are still delivered), the others log or
   * dead-letter it and go on.
   */
  private void process(TrackedFile file, RecordFramer.Frame frame, List<SourceRecord> batch) throws IOException {
    file.position = frame.endPosition;
    resumer.updateHead(file);
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
      badRecords.handle(badRecord(file, frame, offset, e.reason())).ifPresent(record -> emitted(file, record, batch));
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

  /** For tests: the files this task tracks. */
  Collection<TrackedFile> trackedFiles() {
    return files.all();
  }
}

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
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 *
 * <p>A file's life: the {@link FileScanner} lists it; {@link #register} starts tracking it (in tail mode at most
 * {@code tail.max.tracked.files}); {@link #read} opens it through the {@link ConfinedOpener} (every open, first or
 * again, checks it is the listed regular file inside {@code input.paths}) and frames its records; at its end a
 * spooled file waits in {@code finishing} for its records' commits, a tailed one waits in {@code idle} for appends.
 * In tail mode at most {@code tail.max.open.files} files are open: to open another, the least recently read one is
 * <em>parked</em> (closed, keeping its position and line) and reopened there later.
 */
public final class FileSourceTask extends SourceTask {

  /** The task config key of this task's bucket (set by the connector). */
  static final String TASK_INDEX_CONFIG = "courier.task.index";
  /** The task config key of the number of buckets (set by the connector). */
  static final String TASK_COUNT_CONFIG = "courier.task.count";

  private static final Logger LOG = LoggerFactory.getLogger(FileSourceTask.class);
  private static final int SCAN_STEP_ENTRIES = 1000;
  private static final long UNTRACKED_WARNING_INTERVAL_MS = 5 * 60 * 1000L;

  private final TaskTime time;
  private final Object lock = new Object();
  private final CountDownLatch stopLatch = new CountDownLatch(1);
  private final Map<String, TrackedFile> tracked = new ConcurrentHashMap<>();
  private final Deque<TrackedFile> queue = new ArrayDeque<>();
  private final Set<TrackedFile> idle = new LinkedHashSet<>();
  private final List<TrackedFile> finishing = new ArrayList<>();
  /** The open files, least recently read first (access order), so that tail mode parks the first. */
  private final LinkedHashMap<TrackedFile, Boolean> openFiles = new LinkedHashMap<>(16, 0.75f, true);

  private FileSourceConnectorConfig config;
  private String connectorName;
  private FileMode mode;
  private FileRecords records;
  private BadRecordHandler badRecords;
  private FileScanner scanner;
  private ConfinedOpener opener;
  private List<Path> inputDirs;
  private Path finishedDir;
  private TransactionContext transactions;
  private TaskMetrics metrics;
  private AtomicLong recordsRead;
  private AtomicLong bytesRead;
  private AtomicLong badRecordCount;
  private AtomicLong filesCompleted;
  private volatile long bytesBehind;
  private volatile long filesOpen;
  private volatile long filesUntracked;
  private int untrackedThisRound;
  private long lastUntrackedWarning = -1;
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
    opener = new ConfinedOpener(inputDirs, true);
    if (!opener.secure()) {
      LOG.warn("This platform has no secure directory streams: files are confined to input.paths by path checks"
          + " only, which a writer of the input directories who swaps a sub-directory for a link twice within one"
          + " open could get past. Linux and macOS have them.");
    }
    transactions = context.transactionContext();
    metrics = TaskMetrics.of(context, connectorName, taskIndex);
    recordsRead = metrics.counter("records-read-total", "Records read from files and returned to Connect");
    bytesRead = metrics.counter("bytes-read-total", "Bytes read from files (records and line ends)");
    badRecordCount = metrics.counter("bad-records-total", "Bad records (failed on, skipped or dead-lettered)");
    filesCompleted = metrics.counter("files-completed-total",
        "Files finished: spooled files moved or deleted after commit, tailed files read to the end after rotation");
    metrics.gauge("bytes-behind", "Bytes not yet read in the files this task reads", () -> bytesBehind);
    metrics.gauge("files-tracked", "Files this task currently reads or waits on", tracked::size);
    metrics.gauge("files-open", "Files this task holds open (spool mode: at most one; tail mode: at most"
        + " tail.max.open.files)",
        () -> filesOpen);
    metrics.gauge("files-untracked", "Tail mode: files found in the last complete listing but not read because"
        + " tail.max.tracked.files files are tracked", () -> filesUntracked);
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
      boolean check = now >= nextRotationCheck;
      if (check) {
        nextRotationCheck = now + config.scanInterval().toMillis();
        checkRotation();
      }
      wakeIdleFiles(check);
    }
    if (scanner.roundComplete() && now >= nextScan) {
      nextScan = now + config.scanInterval().toMillis();
      scanner.startRound();
    }
    if (!scanner.roundComplete()) {
      register(scanner.step(SCAN_STEP_ENTRIES, path -> tracked.containsKey(path.toString())), now);
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
   * Starts tracking newly listed files: reads their stored offsets in one call, and queues them to be opened. In
   * spool mode only files unchanged for {@code spool.min.file.age.ms}; in tail mode only up to
   * {@code tail.max.tracked.files}, counting the others for {@link #reportUntracked}.
   */
  private void register(List<FileScanner.Candidate> candidates, long now) {
    List<FileScanner.Candidate> accepted = new ArrayList<>();
    java.util.Set<Path> seen = new java.util.HashSet<>();
    int room = mode == FileMode.TAIL ? config.tailMaxTrackedFiles() - tracked.size() : Integer.MAX_VALUE;
    for (FileScanner.Candidate candidate : candidates) {
      if (tracked.containsKey(candidate.path().toString()) || !seen.add(candidate.path())) {
        continue;
      }
      if (mode == FileMode.SPOOL && now - candidate.modified() < config.minFileAge().toMillis()) {
        continue;
      }
      if (accepted.size() >= room) {
        untrackedThisRound++;
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
      file.listedKey = candidate.fileKey();
      tracked.put(file.key, file);
      queue.add(file);
    }
  }

  /**
   * Fills a batch from the queue of files with bytes to read, up to {@code poll.max.records} records and
   * {@code poll.max.bytes} bytes.
   *
   * <p>The file at the head of the queue is read frame by frame until it has no complete record left; then it leaves
   * the queue ({@link #reachedEnd}) and the next one is read. A file not open yet (new, or parked) is opened first,
   * which in tail mode may park the least recently read open file to stay within {@code tail.max.open.files}; when
   * no open file can be parked (all are rotated files being drained, which must stay open to be read to their end),
   * the file waits at the back of the queue. A file that is refused or gone leaves the queue.
   *
   * <p>In tail mode the head file goes to the back after each batch, so a file appended to faster than it is read
   * cannot starve the others.
   */
  private void read(List<SourceRecord> batch) throws IOException {
    long bytes = 0;
    int maxRecords = config.pollMaxRecords();
    int maxBytes = config.pollMaxBytes();
    int waiting = 0;
    while (batch.size() < maxRecords && bytes < maxBytes && failure == null) {
      TrackedFile file = queue.peek();
      if (file == null) {
        break;
      }
      if (file.channel == null) {
        if (!roomToOpen()) {
          queue.add(queue.poll());
          if (++waiting >= queue.size()) {
            break;
          }
          continue;
        }
        if (!open(file)) {
          queue.poll();
          continue;
        }
      }
      waiting = 0;
      openFiles.get(file); // now the most recently read

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
      queue.add(queue.poll());
    }
  }

  /**
   * Tail mode: whether a file may be opened now, parking an open file when {@code tail.max.open.files} are open: the
   * least recently read idle one (read to its end), else the least recently read one with bytes left, so that no
   * file starves behind files appended to faster than they are read. Idle files go first because a parked file that
   * is rotated away before it is reopened cannot be read to its end. Rotated files being drained are never parked:
   * once closed, the old file could not be found again.
   */
  private boolean roomToOpen() {
    if (mode != FileMode.TAIL || openFiles.size() < config.tailMaxOpenFiles()) {
      return true;
    }
    TrackedFile busy = null;
    for (TrackedFile candidate : openFiles.keySet()) {
      if (candidate.idle) {
        park(candidate);
        return true;
      }
      if (busy == null && !candidate.draining) {
        busy = candidate;
      }
    }
    if (busy == null) {
      return false;
    }
    park(busy);
    return true;
  }

  /**
   * Tail mode: closes a file to make room, keeping where the next record starts (the framer's position and line,
   * which include a skipped byte-order mark and stop before a partial last line) so that {@link #open} reopens it
   * there, reading nothing twice. Its listed key becomes the key it had, so a reopen finds only this very file.
   */
  private void park(TrackedFile file) {
    file.parkedPosition = file.framer.position();
    file.parkedLine = file.framer.line();
    file.framer = null;
    file.parked = true;
    close(file);
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

  /**
   * Opens a file through the {@link ConfinedOpener}, then places its framer.
   *
   * <p>The file must be the one listed (or, reopened, the one read before): a regular file inside
   * {@code input.paths}, reached without a symbolic link, with the same file key. A refused file is logged at WARN
   * with why and is no longer tracked; nothing of it is read. The next listing finds whatever then has its path and
   * reads it if it is a file of the input directories, so a legitimate file swapped back loses nothing. A parked file
   * found replaced was rotated while closed: see {@link #rotatedWhileParked}.
   *
   * <p>A parked file is reopened where it was parked. Otherwise the file is read from its stored offset when that
   * offset is of this very file (size, first bytes, spool modification time), else from its start.
   */
  private boolean open(TrackedFile file) throws IOException {
    ConfinedOpener.Opened opened;
    try {
      opened = opener.open(file.path, file.listedKey);
    } catch (NoSuchFileException e) {
      if (file.parked) {
        rotatedWhileParked(file, null, "it was removed or renamed away");
      } else {
        LOG.info("File {} disappeared before it was read", file.path);
        tracked.remove(file.key);
      }
      return false;
    } catch (ConfinedOpener.Refused e) {
      if (file.parked) {
        rotatedWhileParked(file, e.replaced() ? regularFile(file.path) : null, e.reason());
      } else {
        LOG.warn("Refusing to read {}: {}. Only the regular file listed inside input.paths is read; nothing of this"
            + " path is read until a listing finds a file of the input directories there.", file.path, e.reason());
        tracked.remove(file.key);
      }
      return false;
    }
    file.channel = opened.channel();
    file.fileKey = opened.attributes().fileKey();
    file.listedKey = file.fileKey;
    file.modified = opened.attributes().lastModifiedTime().toMillis();
    openFiles.put(file, Boolean.TRUE);
    filesOpen = openFiles.size();
    file.size = file.channel.size();
    if (file.parked) {
      file.parked = false;
      file.framer = new RecordFramer(file.channel, file.parkedPosition, file.parkedLine, config.recordMaxBytes(),
          config.format() == FileFormat.CSV, config.csvDelimiter());
      if (file.parkedPosition == 0) {
        file.framer.skipByteOrderMark();
      }
      return true;
    }
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

  /**
   * A file has no complete record left: a spooled file is closed and waits for its records' commits; a drained
   * rotated file is let go (and the new file at its path, if it is a regular file, followed from its start); any
   * other tailed file waits, open or parked, for appends.
   */
  private void reachedEnd(TrackedFile file, List<SourceRecord> batch) throws IOException {
    requestBoundary(file, batch);
    file.lastEmitted = null;
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
      BasicFileAttributes successor = file.rotated ? regularFile(file.path) : null;
      if (successor != null) {
        follow(file.path, successor.fileKey());
      }
      return;
    }
    file.size = Math.max(file.size, file.position);
    file.readEnd = file.framer.readEnd();
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
      BasicFileAttributes now = regularFile(file.path);
      if (now == null || !Objects.equals(now.fileKey(), file.fileKey)) {
        // Never move or delete what was not read: the listing reads a new regular file at the path as a new file.
        LOG.warn("Spooled file {} was {} by someone else after it was read; it is neither moved nor deleted",
            file.path, now == null ? "removed (or replaced by a link or directory)" : "replaced by another file");
        it.remove();
        tracked.remove(file.key);
        continue;
      }
      long size = now.size();
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

  /**
   * Tail mode, every {@code scan.interval.ms}: notices open files renamed away, removed or replaced at their path,
   * by comparing the file key at the path with the one read. Links are not followed: a link put in a file's place is
   * not that file. The old file is then read to its end from its channel, and the new regular file at the path, if
   * any, from its start (see {@link #reachedEnd}). Parked files are checked when they are woken or reopened.
   */
  private void checkRotation() {
    for (TrackedFile file : tracked.values()) {
      if (file.channel == null || file.draining) {
        continue;
      }
      BasicFileAttributes now = regularFile(file.path);
      if (now != null && Objects.equals(now.fileKey(), file.fileKey)) {
        continue;
      }
      file.draining = true;
      file.rotated = now != null;
      LOG.warn("File {} was {}; reading the old file to its end (from byte {}){}", file.path,
          now == null ? "removed, renamed away or replaced by a link" : "rotated (another file now has its path)",
          file.position, now == null ? "" : ", then the new file from its start");
      if (file.idle) {
        file.idle = false;
        idle.remove(file);
        queue.add(file);
      }
    }
  }

  /**
   * Tail mode: a parked file's path no longer leads to it (removed, or another file there). Unlike an open file, the
   * old file cannot be read to its end, as it was closed and its new name is unknown: bytes appended to it after it
   * was parked are not read, which is logged with the position read up to. Another regular file at the path is then
   * read from its start. The caller has taken the file out of the queue or the idle list.
   *
   * @param now the attributes of the regular file now at the path, or {@code null}
   * @param what what happened to the path
   */
  private void rotatedWhileParked(TrackedFile file, BasicFileAttributes now, String what) {
    LOG.warn("File {} changed while it was closed to stay within tail.max.open.files: {}. It had been read up to"
        + " byte {}; bytes appended to the old file after it was closed, if any, are not read{}", file.path, what,
        file.parkedPosition, now == null ? "." : ". The new file at the path is read from its start.");
    tracked.remove(file.key);
    if (now != null) {
      follow(file.path, now.fileKey());
    }
  }

  /** Tail mode: tracks the new file at a rotated file's path, read from its start whatever offset is stored. */
  private void follow(Path path, Object fileKey) {
    TrackedFile next = new TrackedFile(path, null);
    next.fromStart = true;
    next.listedKey = fileKey;
    tracked.put(next.key, next);
    queue.add(next);
  }

  /** The attributes of the regular file at a path, not following a link; {@code null} when there is none. */
  private static BasicFileAttributes regularFile(Path path) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
      return attributes.isRegularFile() ? attributes : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Tail mode: queues idle files that grew past what was read, and restarts truncated ones from their start.
   *
   * <p>An open file is checked every poll, by its channel's size. A parked file is checked only every
   * {@code scan.interval.ms}, by reading its path's attributes without following a link, so thousands of parked
   * files cost no file descriptor and few system calls; a parked file whose path no longer leads to it is let go
   * ({@link #rotatedWhileParked}).
   */
  private void wakeIdleFiles(boolean checkParked) throws IOException {
    Iterator<TrackedFile> it = idle.iterator();
    while (it.hasNext()) {
      TrackedFile file = it.next();
      long size;
      if (file.channel != null) {
        size = file.channel.size();
      } else if (!checkParked) {
        continue;
      } else {
        BasicFileAttributes now = regularFile(file.path);
        if (now == null || !Objects.equals(now.fileKey(), file.fileKey)) {
          it.remove();
          file.idle = false;
          rotatedWhileParked(file, now, now == null ? "it was removed, renamed away or replaced by a link"
              : "another file now has its path");
          continue;
        }
        size = now.size();
      }
      file.size = size;
      if (size < file.position) {
        LOG.warn("File {} was truncated from at least {} to {} bytes; reading it again from its start", file.path,
            file.position, size);
        restartFromStart(file);
      } else if (size <= file.readEnd) {
        continue;
      }
      it.remove();
      file.idle = false;
      queue.add(file);
    }
  }

  /** Tail mode: forgets what was read of a truncated file, so it is read again from its start. */
  private void restartFromStart(TrackedFile file) throws IOException {
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
    file.framer = new RecordFramer(file.channel, 0, 1, config.recordMaxBytes(),
        config.format() == FileFormat.CSV, config.csvDelimiter());
    file.framer.skipByteOrderMark();
  }

  private void close(TrackedFile file) {
    if (file.channel != null) {
      try {
        file.channel.close();
      } catch (IOException e) {
        LOG.debug("Closing {} failed", file.path, e);
      }
      file.channel = null;
    }
    if (openFiles.remove(file) != null) {
      filesOpen = openFiles.size();
    }
  }

  /** For tests: the files this task tracks. */
  Collection<TrackedFile> trackedFiles() {
    return tracked.values();
  }
}

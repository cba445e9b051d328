/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of the files one {@link FileSourceTask} reads, from listing to letting go. The {@link FileScanner} lists a
 * file; {@link #register} starts tracking it (in tail mode at most {@code tail.max.tracked.files}) with its stored
 * offset and queues it; {@link #nextToRead} hands the task the head of the queue, opened through the
 * {@link ConfinedOpener} (every open, first or again, checks it is the listed regular file inside
 * {@code input.paths}) and placed by the {@link FileResumer}; at its end ({@link #reachedEnd}) a spooled file waits
 * in {@code finishing} for its records' commits and is then moved or deleted ({@link #finishSpooledFiles}), a tailed
 * one waits in {@code idle} for appends ({@link #wakeIdleFiles}). In tail mode at most {@code tail.max.open.files}
 * files are open: to open another, the least recently read one is <em>parked</em> (closed, keeping its position and
 * line) and reopened there later; a file renamed, removed or replaced at its path is read to its end and the new
 * file at the path from its start ({@link #checkRotation}, {@link #reopenRotated}). It reads no records: the task's
 * poll loop frames and converts them. Only the poll thread calls it, except {@link #get} (for commits) and the
 * counts read by metrics.
 */
final class FileLifecycle {

  /** The task's logger, so that the file source's log settings keep covering what is logged here. */
  private static final Logger LOG = LoggerFactory.getLogger(FileSourceTask.class);

  private final Map<String, TrackedFile> tracked = new ConcurrentHashMap<>();
  private final Deque<TrackedFile> queue = new ArrayDeque<>();
  private final Set<TrackedFile> idle = new LinkedHashSet<>();
  private final List<TrackedFile> finishing = new ArrayList<>();
  /** The open files, least recently read first (access order), so that tail mode parks the first. */
  private final LinkedHashMap<TrackedFile, Boolean> openFiles = new LinkedHashMap<>(16, 0.75f, true);

  private final FileSourceConnectorConfig config;
  private final FileMode mode;
  private final SourceTaskContext context;
  private final ConfinedOpener opener;
  private final FileResumer resumer;
  private final List<Path> inputDirs;
  private final Path finishedDir;
  private final AtomicLong filesCompleted;
  private volatile long filesOpen;

  /**
   * Creates the lifecycle of a task's files.
   *
   * @param config the task's config
   * @param context the task's context, whose offset reader gives a newly listed file's stored offset
   * @param opener the opener confined to {@code input.paths}
   * @param resumer places an opened file's framer
   * @param inputDirs the real paths of {@code input.paths}
   * @param finishedDir spool mode: the real path of {@code spool.finished.path}, or {@code null} when files are deleted
   * @param filesCompleted the metric counting finished files
   */
  FileLifecycle(FileSourceConnectorConfig config, SourceTaskContext context, ConfinedOpener opener,
      FileResumer resumer, List<Path> inputDirs, Path finishedDir, AtomicLong filesCompleted) {
    this.config = config;
    this.mode = config.mode();
    this.context = context;
    this.opener = opener;
    this.resumer = resumer;
    this.inputDirs = inputDirs;
    this.finishedDir = finishedDir;
    this.filesCompleted = filesCompleted;
  }

  /** Whether a listed path is tracked already. */
  boolean isTracked(Path path) {
    return tracked.containsKey(path.toString());
  }

  /** The tracked file with a key (its path), or {@code null}; any thread. */
  TrackedFile get(String key) {
    return tracked.get(key);
  }

  /** The tracked files. */
  Collection<TrackedFile> all() {
    return tracked.values();
  }

  /** How many files are tracked; any thread. */
  int trackedCount() {
    return tracked.size();
  }

  /** How many files are open, as of the last open or close; any thread. */
  long openCount() {
    return filesOpen;
  }

  /** The bytes not yet read in the tracked files. */
  long behind() {
    long behind = 0;
    for (TrackedFile file : tracked.values()) {
      behind += file.behind();
    }
    return behind;
  }

  /**
   * Starts tracking newly listed files: reads their stored offsets in one call, and queues them to be opened. In
   * spool mode only files unchanged for {@code spool.min.file.age.ms}; in tail mode only up to
   * {@code tail.max.tracked.files}, counting the others.
   *
   * @return how many listed files are not tracked because {@code tail.max.tracked.files} are
   */
  int register(List<FileScanner.Candidate> candidates, long now) {
    int untracked = 0;
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
        untracked++;
        continue;
      }
      accepted.add(candidate);
    }
    if (accepted.isEmpty()) {
      return untracked;
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
    return untracked;
  }

  /**
   * The file at the head of the queue of files with bytes to read, open, and now the most recently read; or
   * {@code null} when the queue is empty or no file in it can be opened now.
   *
   * <p>A file not open yet (new, or parked) is opened first, which in tail mode may park the least recently read open
   * file to stay within {@code tail.max.open.files}; when no open file can be parked (all are rotated files being
   * drained, which must stay open to be read to their end), the file waits at the back of the queue. A file that is
   * refused or gone leaves the queue.
   */
  TrackedFile nextToRead() throws IOException {
    int waiting = 0;
    while (true) {
      TrackedFile file = queue.peek();
      if (file == null) {
        return null;
      }
      if (file.channel == null) {
        if (!roomToOpen()) {
          queue.add(queue.poll());
          if (++waiting >= queue.size()) {
            return null;
          }
          continue;
        }
        if (!open(file)) {
          queue.poll();
          continue;
        }
      }
      openFiles.get(file); // now the most recently read
      return file;
    }
  }

  /** Sends the head of the queue to its back, if others wait behind it. */
  void headToBack() {
    if (queue.size() > 1) {
      queue.add(queue.poll());
    }
  }

  /**
   * The file at the head of the queue has no complete record left, and leaves the queue: a spooled file is closed and
   * waits for its records' commits; a drained rotated file is let go (and the new file at its path, if it is a
   * regular file, followed from its start); any other tailed file waits, open or parked, for appends.
   */
  void reachedEnd(TrackedFile file) throws IOException {
    queue.poll();
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

  /**
   * Tail mode: whether a file may be opened now, parking an open file when {@code tail.max.open.files} are open: the
   * least recently read idle one (read to its end), else the least recently read one with bytes left, so that no
   * file starves behind files appended to faster than they are read. Idle files go first because a parked file that
   * is moved out of its directory or deleted before it is reopened cannot be read to its end ({@link #reopenRotated}).
   * Rotated files being drained are never parked: once closed, one moved out of its directory could not be found.
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
   * Opens a file through the {@link ConfinedOpener}, then places its framer.
   *
   * <p>The file must be the one listed (or, reopened, the one read before): a regular file inside
   * {@code input.paths}, reached without a symbolic link, with the same file key. A refused file is logged at WARN
   * with why and is no longer tracked; nothing of it is read. The next listing finds whatever then has its path and
   * reads it if it is a file of the input directories, so a legitimate file swapped back loses nothing. A parked file
   * whose path no longer leads to it was rotated while closed: see {@link #reopenRotated}.
   *
   * <p>A parked file is reopened where it was parked. Otherwise the file is read from its stored offset when that
   * offset is of this very file (size, first bytes, spool modification time), else from its start
   * ({@link FileResumer#resume}).
   */
  private boolean open(TrackedFile file) throws IOException {
    ConfinedOpener.Opened opened;
    try {
      opened = opener.open(file.path, file.listedKey);
    } catch (NoSuchFileException e) {
      if (file.parked) {
        return reopenRotated(file, null, "it was removed or renamed away");
      }
      LOG.info("File {} disappeared before it was read", file.path);
      tracked.remove(file.key);
      return false;
    } catch (ConfinedOpener.Refused e) {
      if (file.parked) {
        return reopenRotated(file, e.replaced() ? regularFile(file.path) : null, e.reason());
      } else {
        LOG.warn("Refusing to read {}: {}. Only the regular file listed inside input.paths is read; nothing of this"
            + " path is read until a listing finds a file of the input directories there.", file.path, e.reason());
        tracked.remove(file.key);
      }
      return false;
    }
    opened(file, opened);
    if (file.parked) {
      resumer.resumeParked(file);
      return true;
    }
    resumer.resume(file);
    return true;
  }

  /** Takes an opened file's channel and attributes, counting it as open. */
  private void opened(TrackedFile file, ConfinedOpener.Opened opened) throws IOException {
    file.channel = opened.channel();
    file.fileKey = opened.attributes().fileKey();
    file.listedKey = file.fileKey;
    file.modified = opened.attributes().lastModifiedTime().toMillis();
    openFiles.put(file, Boolean.TRUE);
    filesOpen = openFiles.size();
    file.size = file.channel.size();
  }

  /** Spool mode: moves or deletes the files read to their end once every record of them is committed. */
  void finishSpooledFiles() throws IOException {
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
  void checkRotation() {
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
   * Tail mode: a parked file's path no longer leads to it (removed, renamed away, or another file there). The file was
   * closed, so it is looked for by its file key among the files of its directory, where log rotation renames it.
   * Found, it is reopened there through the {@link ConfinedOpener}, where it was parked, and read to its end as an
   * open file found rotated is ({@link #checkRotation}); its records keep the partition of the path it was read under.
   * Not found (moved to another directory, or deleted), what it held beyond the position read up to cannot be read:
   * that is logged at WARN with the position. Either way a new regular file at the path is then read from its start.
   *
   * @param now the attributes of the regular file now at the path, or {@code null}
   * @param what what happened to the path
   * @return whether the old file is open again, at the head of the queue, to be read to its end
   */
  private boolean reopenRotated(TrackedFile file, BasicFileAttributes now, String what) throws IOException {
    Path renamed = renamedTo(file);
    ConfinedOpener.Opened reopened = null;
    if (renamed != null) {
      try {
        reopened = opener.open(renamed, file.fileKey);
      } catch (NoSuchFileException | ConfinedOpener.Refused e) {
        // Renamed again since the listing: treated as not found.
      }
    }
    if (reopened == null) {
      LOG.warn("File {} changed while it was closed to stay within tail.max.open.files: {}. The old file is no longer"
          + " in its directory (moved elsewhere or deleted), so what it held after byte {}, up to which it had been"
          + " read, is not read{}", file.path, what, file.parkedPosition,
          now == null ? "." : ". The new file at the path is read from its start.");
      tracked.remove(file.key);
      if (now != null) {
        follow(file.path, now.fileKey());
      }
      return false;
    }
    LOG.warn("File {} was rotated while it was closed to stay within tail.max.open.files ({}); reading the old file,"
        + " now {}, to its end (from byte {}), then any new file at the path from its start", file.path, what,
        renamed, file.parkedPosition);
    opened(file, reopened);
    resumer.resumeParked(file);
    file.draining = true;
    file.rotated = true;
    return true;
  }

  /** Tail mode: the regular file in a parked file's directory with the file key it had, or {@code null}. */
  private static Path renamedTo(TrackedFile file) {
    if (file.fileKey == null) {
      return null;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(file.path.getParent())) {
      for (Path entry : entries) {
        BasicFileAttributes attributes = regularFile(entry);
        if (attributes != null && file.fileKey.equals(attributes.fileKey())) {
          return entry;
        }
      }
    } catch (IOException | DirectoryIteratorException e) {
      // The directory cannot be listed: not found.
    }
    return null;
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
   * files cost no file descriptor and few system calls; a parked file whose path no longer leads to it is queued to
   * be reopened, which looks for it under its new name ({@link #reopenRotated}).
   */
  void wakeIdleFiles(boolean checkParked) throws IOException {
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
          // Rotated while parked: reopening it, within tail.max.open.files, finds it (see reopenRotated).
          it.remove();
          file.idle = false;
          queue.add(file);
          continue;
        }
        size = now.size();
      }
      file.size = size;
      if (size < file.position) {
        LOG.warn("File {} was truncated from at least {} to {} bytes; reading it again from its start", file.path,
            file.position, size);
        resumer.restartFromStart(file);
      } else if (size <= file.readEnd) {
        continue;
      }
      it.remove();
      file.idle = false;
      queue.add(file);
    }
  }

  /** Closes every tracked file (the task stops). */
  void closeAll() {
    for (TrackedFile file : tracked.values()) {
      close(file);
    }
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
}
